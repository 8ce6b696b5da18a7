import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminRemoveUserFromGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { setAdminRole } from '../admin/customer-accounts';
import { testAdminDeps } from '../testing/admin-deps';
import { isSessionRevoked } from '../store/session-revocations';
import { tableKeys } from '../store/table-schema';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { testPortalDeps } from '../testing/portal-deps';
import { confirmationCode, stackClients } from '../testing/stack';
import { confirmSignUp, signUp } from './cognito-account';
import { maintainSession, SessionEndedError } from './session-maintenance';
import { revokeSession } from './session-revocation';
import { statusCheckIntervalMs } from './session-timing';
import { signInWithPassword } from './sign-in';

const { cognito, config } = stackClients();
const password = 'Portico-Test-1';
const created: string[] = [];

afterAll(async () => {
  for (const email of created)
    await cognito
      .send(new AdminDeleteUserCommand({ UserPoolId: config.cognito.userPoolId, Username: email }))
      .catch(() => undefined);
});

async function signedIn() {
  const email = `live-${randomUUID().slice(0, 8)}@example.test`;
  created.push(email);
  await signUp(email, password);
  await confirmSignUp(email, confirmationCode);
  return signInWithPassword({ email, password }, () => undefined);
}

function group(username: string) {
  return {
    UserPoolId: config.cognito.userPoolId,
    Username: username,
    GroupName: config.adminGroup,
  };
}

describe('sessions already open', () => {
  it('gain and lose the admin group at the next account check, without a refresh', async () => {
    const session = await signedIn();
    const start = Date.now();
    expect(session.groups).toEqual([]);
    await cognito.send(new AdminAddUserToGroupCommand(group(session.username)));
    const promoted = await maintainSession(session, start + statusCheckIntervalMs);
    expect(promoted.groups).toEqual([config.adminGroup]);
    // Still the same access token: the groups came from the account check, not a renewal.
    expect(promoted.accessToken).toBe(session.accessToken);

    await cognito.send(new AdminRemoveUserFromGroupCommand(group(session.username)));
    const demoted = await maintainSession(promoted, start + 2 * statusCheckIntervalMs);
    expect(demoted.groups).toEqual([]);
  });

  it('follow a role change made through the admin console on this server at once', async () => {
    const session = await signedIn();
    const deps = testAdminDeps();
    const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
    await maintainSession(session);
    await setAdminRole(deps, admin, session.sub, true);
    expect((await maintainSession(session)).groups).toEqual([config.adminGroup]);
  });

  it('end on every server once signed out: the session id is revoked in the table', async () => {
    const session = await signedIn();
    const other = await signedIn();
    await expect(maintainSession(session)).resolves.toMatchObject({ sid: session.sid });
    await revokeSession(session.sid);
    await expect(maintainSession(session)).rejects.toBeInstanceOf(SessionEndedError);
    await expect(maintainSession(other)).resolves.toMatchObject({ sid: other.sid });

    // What another server instance, with an empty cache, reads.
    const deps = testPortalDeps();
    expect(await isSessionRevoked(deps, session.sid)).toBe(true);
    expect(await isSessionRevoked(deps, other.sid)).toBe(false);
    const { Item } = await deps.dynamo.send(
      new GetCommand({
        TableName: deps.tableName,
        Key: { pk: `SESSION#${session.sid}`, sk: 'REVOKED' },
      }),
    );
    const expiresInDays = (Number(Item?.[tableKeys.ttl]) * 1000 - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(30);
    expect(expiresInDays).toBeLessThan(32);
  });

  it('get a new id per sign-in and keep it through renewals', async () => {
    const session = await signedIn();
    expect(session.sid).toMatch(/^[0-9a-f-]{36}$/);
    const renewed = await maintainSession(session, session.accessTokenExpiresAt);
    expect(renewed.accessToken).not.toBe(session.accessToken);
    expect(renewed.sid).toBe(session.sid);
  });
});
