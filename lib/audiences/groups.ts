import {
  AdminAddUserToGroupCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  GroupExistsException,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminDeps } from '../admin/deps';
import { recordGroups } from '../admin/directory-records';
import { toDirectoryUser, type DirectoryUser } from '../admin/directory-user';
import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { recordAudit } from '../store/audit';
import { audienceGroupName, audienceGroupPrefix } from './audience';

/** A named audience: a Cognito group `audience:{id}` whose description is its display name. */
export interface NamedAudience {
  id: string;
  name: string;
}

const present = <T>(value: T | undefined): value is T => value !== undefined;
const subject = (id: string) => `audience:${id}`;

/** Every named audience, by name: one ListGroups call per 60 groups. */
export async function listAudiences(deps: AdminDeps): Promise<NamedAudience[]> {
  const audiences: NamedAudience[] = [];
  let token: string | undefined;
  do {
    const page = await deps.cognito.send(
      new ListGroupsCommand({ UserPoolId: deps.userPoolId, Limit: 60, NextToken: token }),
    );
    for (const group of page.Groups ?? []) {
      if (!group.GroupName?.startsWith(audienceGroupPrefix)) continue;
      const id = group.GroupName.slice(audienceGroupPrefix.length);
      audiences.push({ id, name: group.Description || id });
    }
    token = page.NextToken || undefined;
  } while (token);
  return audiences.sort((a, b) => a.name.localeCompare(b.name));
}

export async function createAudience(
  deps: AdminDeps,
  admin: Customer,
  audience: NamedAudience,
): Promise<void> {
  try {
    await deps.cognito.send(
      new CreateGroupCommand({
        UserPoolId: deps.userPoolId,
        GroupName: audienceGroupName(audience.id),
        Description: audience.name,
      }),
    );
  } catch (error) {
    if (error instanceof GroupExistsException)
      throw new PortalError(`An audience with the id "${audience.id}" exists already.`, 'invalid');
    throw error;
  }
  await recordAudit(deps, {
    actor: admin,
    customerSub: subject(audience.id),
    action: 'audience.created',
    details: { audienceId: audience.id, name: audience.name },
  });
}

/**
 * Renaming changes the display name only: the id stays, so the APIs, plans and guides that
 * name the audience keep it, and members' sessions need no change.
 */
export async function renameAudience(
  deps: AdminDeps,
  admin: Customer,
  audience: NamedAudience,
): Promise<void> {
  const before = (await listAudiences(deps)).find((candidate) => candidate.id === audience.id);
  if (!before) throw new PortalError('That audience does not exist (any more).', 'not-found');
  await deps.cognito.send(
    new UpdateGroupCommand({
      UserPoolId: deps.userPoolId,
      GroupName: audienceGroupName(audience.id),
      Description: audience.name,
    }),
  );
  await recordAudit(deps, {
    actor: admin,
    customerSub: subject(audience.id),
    action: 'audience.renamed',
    details: { audienceId: audience.id, from: before.name, to: audience.name },
  });
}

/** Members of one audience: one call per 60 members. */
export async function audienceMembers(deps: AdminDeps, id: string): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let token: string | undefined;
  do {
    const page = await inAudience(() =>
      deps.cognito.send(
        new ListUsersInGroupCommand({
          UserPoolId: deps.userPoolId,
          GroupName: audienceGroupName(id),
          Limit: 60,
          NextToken: token,
        }),
      ),
    );
    users.push(...(page.Users ?? []).map(toDirectoryUser).filter(present));
    token = page.NextToken || undefined;
  } while (token);
  return users.sort((a, b) => a.email.localeCompare(b.email));
}

/** The customer with this email (validated, so it cannot break out of the filter's quotes). */
async function customerByEmail(deps: AdminDeps, email: string): Promise<DirectoryUser> {
  const page = await deps.cognito.send(
    new ListUsersCommand({ UserPoolId: deps.userPoolId, Filter: `email = "${email}"`, Limit: 2 }),
  );
  const user = (page.Users ?? []).map(toDirectoryUser).find((found) => found?.email === email);
  if (!user) throw new PortalError(`No customer has the email ${email}.`, 'not-found');
  return user;
}

export async function addAudienceMember(
  deps: AdminDeps,
  admin: Customer,
  id: string,
  email: string,
): Promise<DirectoryUser> {
  const user = await customerByEmail(deps, email);
  await inAudience(() =>
    deps.cognito.send(new AdminAddUserToGroupCommand(membership(deps, id, user))),
  );
  await recordGroups(deps, user);
  await recordAudit(deps, {
    actor: admin,
    customerSub: user.sub,
    action: 'audience.member-added',
    details: { audienceId: id },
  });
  return user;
}

export async function removeAudienceMember(
  deps: AdminDeps,
  admin: Customer,
  id: string,
  member: DirectoryUser,
): Promise<void> {
  await inAudience(() =>
    deps.cognito.send(new AdminRemoveUserFromGroupCommand(membership(deps, id, member))),
  );
  await recordGroups(deps, member);
  await recordAudit(deps, {
    actor: admin,
    customerSub: member.sub,
    action: 'audience.member-removed',
    details: { audienceId: id },
  });
}

const membership = (deps: AdminDeps, id: string, user: DirectoryUser) => ({
  UserPoolId: deps.userPoolId,
  GroupName: audienceGroupName(id),
  Username: user.username,
});

/** A group call whose missing group means the audience was never created or is gone. */
async function inAudience<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ResourceNotFoundException)
      throw new PortalError('That audience does not exist (any more).', 'not-found');
    throw error;
  }
}
