import {
  AdminListGroupsForUserCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminDeps } from './deps';
import { toDirectoryUser, type DirectoryUser } from './directory-user';

export type CognitoDeps = Pick<AdminDeps, 'cognito' | 'userPoolId' | 'adminGroup'>;

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** Every user of the pool: one ListUsers call per 60 users (Cognito's page maximum). */
export async function listAllUsers(deps: CognitoDeps): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let token: string | undefined;
  do {
    const page = await deps.cognito.send(
      new ListUsersCommand({ UserPoolId: deps.userPoolId, Limit: 60, PaginationToken: token }),
    );
    users.push(...(page.Users ?? []).map(toDirectoryUser).filter(present));
    token = page.PaginationToken || undefined;
  } while (token);
  return users;
}

/** Members of the admin group: one call per 60 members. */
export function listAdmins(deps: CognitoDeps): Promise<DirectoryUser[]> {
  return groupMembers(deps, deps.adminGroup);
}

/** Members of one group: one call per 60 members. */
export async function groupMembers(deps: CognitoDeps, GroupName: string): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let token: string | undefined;
  do {
    const page = await deps.cognito.send(
      new ListUsersInGroupCommand({
        UserPoolId: deps.userPoolId,
        GroupName,
        Limit: 60,
        NextToken: token,
      }),
    );
    users.push(...(page.Users ?? []).map(toDirectoryUser).filter(present));
    token = page.NextToken || undefined;
  } while (token);
  return users;
}

/** One user by `sub` (a validated id, so it cannot break out of the filter's quotes). */
export async function findUserBySub(
  deps: CognitoDeps,
  sub: string,
): Promise<DirectoryUser | undefined> {
  const page = await deps.cognito.send(
    new ListUsersCommand({ UserPoolId: deps.userPoolId, Filter: `sub = "${sub}"`, Limit: 1 }),
  );
  return (page.Users ?? []).map(toDirectoryUser).find((user) => user?.sub === sub);
}

export async function groupsOf(deps: CognitoDeps, username: string): Promise<string[]> {
  const answer = await deps.cognito.send(
    new AdminListGroupsForUserCommand({ UserPoolId: deps.userPoolId, Username: username }),
  );
  return (answer.Groups ?? []).flatMap((group) => (group.GroupName ? [group.GroupName] : []));
}
