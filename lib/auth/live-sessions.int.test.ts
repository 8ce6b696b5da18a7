import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAccount, setAdminRole } from '../admin/customer-accounts';
import { reconcileDirectory } from '../admin/directory-records';
import { cognitoClient } from '../aws';
import {
  customerRecord,
  deleteCustomerRecord,
  updateCustomerRecord,
} from '../store/customer-directory';
import { testAdminDeps } from '../testing/admin-deps';
import { cognitoCallsDuring } from '../testing/cognito-calls';
import { seededStack } from '../testing/seeded-stack';
import { isSessionRevoked } from '../store/session-revocations';
import { tableKeys } from '../store/table-schema';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { testPortalDeps } from '../testing/portal-deps';
import { confirmationCode, stackClients } from '../testing/stack';
import { confirmSignUp, signUp } from './cognito-account';
import { accountRecheckMs, maintainSession, SessionEndedError } from './session-maintenance';
import { revokeSession } from './session-revocation';
import { signInWithPassword } from './sign-in';

const { cognito, config } = stackClients();
const deps = testAdminDeps();
const { admin } = seededStack(deps);
/** Every Cognito client a request could reach: the portal's own and the tests'. */
const cognitoClients = [cognitoClient(), cognito, deps.cognito];
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
  it('read their account from the customer directory: no Cognito call per request', async () => {
    const session = await signedIn();
    const calls = await cognitoCallsDuring(cognitoClients, async () => {
      for (let request = 0; request < 3; request += 1) await maintainSession(session);
    });
    expect(calls).toEqual([]);
  });

  it('end at their next request once an admin disables the account, with no Cognito call', async () => {
    const session = await signedIn();
    await maintainSession(session);
    await closeAccount(deps, admin, session.sub, 'disable', 'Testing live sessions');
    const calls = await cognitoCallsDuring(cognitoClients, () =>
      expect(maintainSession(session)).rejects.toThrow('Session ended: account disabled'),
    );
    expect(calls).toEqual([]);
  });

  it('end at their next request when the record says disabled, whichever server wrote it', async () => {
    const session = await signedIn();
    // Cognito still has the account enabled: the record alone decides.
    await updateCustomerRecord(deps, session.sub, { status: 'disabled' });
    await expect(maintainSession(session)).rejects.toThrow('Session ended: account disabled');
  });

  it('end at their next request once an admin deletes the account', async () => {
    const session = await signedIn();
    await maintainSession(session);
    await closeAccount(deps, admin, session.sub, 'delete', 'Testing live sessions');
    expect(await customerRecord(deps, session.sub)).toBeUndefined();
    await expect(maintainSession(session)).rejects.toThrow('Session ended: account gone');
  });

  it('fill a record that cannot answer from Cognito once, then read the record', async () => {
    const session = await signedIn();
    await deleteCustomerRecord(deps, session.sub);
    const first = await cognitoCallsDuring(cognitoClients, () => maintainSession(session));
    expect(first.sort()).toEqual(['AdminGetUserCommand', 'AdminListGroupsForUserCommand']);
    expect(await customerRecord(deps, session.sub)).toMatchObject({
      status: 'active',
      groups: [],
      isAdmin: false,
    });
    expect(await cognitoCallsDuring(cognitoClients, () => maintainSession(session))).toEqual([]);
  });

  it('follow a group change made in Cognito directly once the sync reconciles the directory', async () => {
    const session = await signedIn();
    expect(session.groups).toEqual([]);
    await cognito.send(new AdminAddUserToGroupCommand(group(session.username)));
    expect((await maintainSession(session)).groups).toEqual([]);
    await reconcileDirectory(deps);
    const promoted = await maintainSession(session);
    expect(promoted.groups).toEqual([config.adminGroup]);
    // Still the same access token: the groups came from the directory, not a renewal.
    expect(promoted.accessToken).toBe(session.accessToken);

    await cognito.send(new AdminRemoveUserFromGroupCommand(group(session.username)));
    await reconcileDirectory(deps);
    expect((await maintainSession(promoted)).groups).toEqual([]);
  });

  it('follow a change made in Cognito directly within 5 minutes, without a sync', async () => {
    const session = await signedIn();
    await cognito.send(new AdminAddUserToGroupCommand(group(session.username)));
    // The record is fresh from the sign-in: it answers alone.
    expect((await maintainSession(session)).groups).toEqual([]);

    const due = Date.now() + accountRecheckMs + 1;
    const checked = await cognitoCallsDuring(cognitoClients, async () => {
      const promoted = await maintainSession(session, due);
      expect(promoted.groups).toEqual([config.adminGroup]);
    });
    expect(checked).toEqual(
      expect.arrayContaining(['AdminGetUserCommand', 'AdminListGroupsForUserCommand']),
    );
    // The check rewrote the record: every server's next request sees the new role.
    expect(await customerRecord(deps, session.sub)).toMatchObject({
      groups: [config.adminGroup],
      isAdmin: true,
    });
    const promoted = await maintainSession(session);
    expect(promoted.groups).toEqual([config.adminGroup]);

    await cognito.send(
      new AdminDisableUserCommand({
        UserPoolId: config.cognito.userPoolId,
        Username: session.username,
      }),
    );
    await expect(maintainSession(promoted, Date.now() + accountRecheckMs + 1)).rejects.toThrow(
      'Session ended: account disabled',
    );
    expect(await customerRecord(deps, session.sub)).toMatchObject({ status: 'disabled' });
    await expect(maintainSession(promoted)).rejects.toThrow('Session ended: account disabled');
  });

  it('follow a role change made through the admin console at their next request', async () => {
    const session = await signedIn();
    await maintainSession(session);
    await setAdminRole(deps, admin, session.sub, true);
    expect((await maintainSession(session)).groups).toEqual([config.adminGroup]);
    await setAdminRole(deps, admin, session.sub, false);
    expect((await maintainSession(session)).groups).toEqual([]);
  });

  it('end on every server once signed out: the session id is revoked in the table', async () => {
    const session = await signedIn();
    const other = await signedIn();
    await expect(maintainSession(session)).resolves.toMatchObject({ sid: session.sid });
    await revokeSession(session.sid);
    await expect(maintainSession(session)).rejects.toBeInstanceOf(SessionEndedError);
    await expect(maintainSession(other)).resolves.toMatchObject({ sid: other.sid });

    // What another server instance, with an empty cache, reads.
    const portal = testPortalDeps();
    expect(await isSessionRevoked(portal, session.sid)).toBe(true);
    expect(await isSessionRevoked(portal, other.sid)).toBe(false);
    const { Item } = await portal.dynamo.send(
      new GetCommand({
        TableName: portal.tableName,
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
