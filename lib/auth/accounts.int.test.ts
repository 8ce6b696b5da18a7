import { randomUUID } from 'node:crypto';
import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { subscribe } from '../portal/subscriptions';
import { reconcileDirectory } from '../admin/directory-records';
import { customerAudit } from '../store/audit';
import { testAdminDeps } from '../testing/admin-deps';
import { emulatorCalls, resetEmulatorCalls } from '../testing/emulator-stats';
import { testPortalDeps } from '../testing/portal-deps';
import { confirmationCode, stackClients } from '../testing/stack';
import {
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  deleteOwnAccount,
  forgotPassword,
  resendConfirmationCode,
  signUp,
} from './cognito-account';
import { accountState, passwordPolicy } from './cognito-admin';
import { revokeRefreshToken } from './cognito-sign-in';
import { retireCustomerKeys } from '../portal/keys';
import { errorName } from './messages';
import { maintainSession, SessionEndedError } from './session-maintenance';
import { SignInError, signInWithPassword } from './sign-in';

const { cognito, config } = stackClients();
const noHeaders = () => undefined;
const password = 'Portico-Test-1';

const created: string[] = [];

/** Every test account is deleted afterwards: other test files expect only the seeded users. */
function newEmail(): string {
  const email = `it-${randomUUID().slice(0, 8)}@example.test`;
  created.push(email);
  return email;
}

afterAll(async () => {
  for (const email of created) {
    await cognito
      .send(new AdminDeleteUserCommand({ UserPoolId: config.cognito.userPoolId, Username: email }))
      .catch((error: unknown) => {
        if (errorName(error) !== 'UserNotFoundException') throw error;
      });
  }
});

async function signInCode(credentials: Record<string, string>): Promise<string> {
  const error = await signInWithPassword(credentials, noHeaders).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SignInError);
  return (error as SignInError).code;
}

async function confirmedAccount(email = newEmail()) {
  await signUp(email, password);
  await confirmSignUp(email, confirmationCode);
  return { email, session: await signInWithPassword({ email, password }, noHeaders) };
}

describe('accounts against local Cognito', () => {
  it("reads the pool's password policy", async () => {
    expect(await passwordPolicy()).toEqual({
      minimumLength: 8,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: false,
    });
  });

  it('signs up, refuses sign-in until confirmed, then signs in with verified claims', async () => {
    const email = newEmail();
    const sub = await signUp(email, password);
    expect(await signInCode({ email, password })).toBe('not-confirmed');
    await expect(confirmSignUp(email, '000000')).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    await confirmSignUp(email, confirmationCode);

    const session = await signInWithPassword({ email: email.toUpperCase(), password }, noHeaders);
    expect(session).toMatchObject({ sub, email, groups: [], username: sub });
    expect(session.accessTokenExpiresAt).toBeGreaterThan(Date.now());
    expect(session.refreshToken.length).toBeGreaterThan(20);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { email } = await confirmedAccount();
    expect(await signInCode({ email, password: 'Wrong-Password-1' })).toBe('wrong-credentials');
    expect(await signInCode({ email: newEmail(), password })).toBe('wrong-credentials');
  });

  it('stops an email after 10 wrong passwords, even before the right one', async () => {
    const { email } = await confirmedAccount();
    const fromOneAddress = (name: string) => (name === 'x-forwarded-for' ? '203.0.113.9' : null);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const wrong = await signInWithPassword({ email, password: 'Wrong-1' }, fromOneAddress).catch(
        (error: unknown) => (error as SignInError).code,
      );
      expect(wrong).toBe('wrong-credentials');
    }
    expect(await signInCode({ email, password })).toBe('too-many-attempts');
  });

  it('recognises members of the admin group', async () => {
    const session = await signInWithPassword(
      { email: 'admin@portico.local', password: 'Portico-Admin-1' },
      noHeaders,
    );
    expect(session.groups).toContain(config.adminGroup);
  });

  it('takes an invited account through NEW_PASSWORD_REQUIRED', async () => {
    const email = newEmail();
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: config.cognito.userPoolId,
        Username: email,
        TemporaryPassword: 'Temporary-Pass-1',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const temporary = { email, password: 'Temporary-Pass-1' };
    expect(await signInCode(temporary)).toBe('new-password-required');
    expect(await signInCode({ ...temporary, newPassword: 'weak' })).toBe('weak-password');
    const session = await signInWithPassword(
      { ...temporary, newPassword: 'Chosen-Pass-1' },
      noHeaders,
    );
    expect(session.email).toBe(email);
    await expect(
      signInWithPassword({ email, password: 'Chosen-Pass-1' }, noHeaders),
    ).resolves.toMatchObject({ sub: session.sub });
  });

  it('renews tokens with REFRESH_TOKEN_AUTH; a group added in Cognito directly counts once the record is due a check', async () => {
    const { email, session } = await confirmedAccount();
    expect(await maintainSession(session)).toBe(session);
    await cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: config.cognito.userPoolId,
        Username: session.username,
        GroupName: config.adminGroup,
      }),
    );
    const renewed = await maintainSession(session, session.accessTokenExpiresAt);
    expect(renewed.accessToken).not.toBe(session.accessToken);
    expect(renewed.refreshToken).toBe(session.refreshToken);
    // Sessions take their groups from the customer directory; an hour on, the record is older
    // than five minutes, so Cognito is asked and the group added there counts.
    expect(renewed).toMatchObject({ sub: session.sub, email, groups: [config.adminGroup] });
  });

  it('ends a session whose refresh token was revoked by signing out', async () => {
    const { session } = await confirmedAccount();
    await revokeRefreshToken(session.refreshToken);
    await expect(maintainSession(session, session.accessTokenExpiresAt)).rejects.toBeInstanceOf(
      SessionEndedError,
    );
  });

  it('blocks a disabled account at sign-in and ends its session once the sync records it', async () => {
    const { email, session } = await confirmedAccount();
    await cognito.send(
      new AdminDisableUserCommand({
        UserPoolId: config.cognito.userPoolId,
        Username: session.username,
      }),
    );
    expect(await signInCode({ email, password })).toBe('disabled');
    await reconcileDirectory(testAdminDeps());
    await expect(maintainSession(session)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it('resets a forgotten password with the emailed code', async () => {
    const { email } = await confirmedAccount();
    await forgotPassword(email);
    await expect(confirmForgotPassword(email, '000000', 'Another-Pass-1')).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    await confirmForgotPassword(email, confirmationCode, 'Another-Pass-1');
    await expect(
      signInWithPassword({ email, password: 'Another-Pass-1' }, noHeaders),
    ).resolves.toMatchObject({ email });
    // The action answers unknown emails like known ones; the call itself says UserNotFound.
    expect(errorName(await forgotPassword(newEmail()).catch((error: unknown) => error))).toBe(
      'UserNotFoundException',
    );
  });

  it('changes the password with the session’s access token', async () => {
    const { email, session } = await confirmedAccount();
    const wrong = await changePassword(session.accessToken, 'Not-It-1', 'Changed-Pass-1').catch(
      (error: unknown) => error,
    );
    // cognito-local says InvalidPassword for a wrong current password; AWS says NotAuthorized.
    expect(errorName(wrong)).toBe('InvalidPasswordException');
    await changePassword(session.accessToken, password, 'Changed-Pass-1');
    expect(await signInCode({ email, password })).toBe('wrong-credentials');
    await expect(
      signInWithPassword({ email, password: 'Changed-Pass-1' }, noHeaders),
    ).resolves.toMatchObject({ email });
  });

  it('explains that cognito-local cannot resend codes (it has no ResendConfirmationCode)', async () => {
    const email = newEmail();
    await signUp(email, password);
    expect(errorName(await resendConfirmationCode(email).catch((error: unknown) => error))).toBe(
      'Unsupported',
    );
  });
});

describe('deleting an account', () => {
  it('takes the key out of every plan, disables it, then deletes the user', async () => {
    const deps = testPortalDeps();
    const { email, session } = await confirmedAccount();
    const customer = { sub: session.sub, email };
    const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
    const bronze = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
    await subscribe(deps, customer, bronze);
    const [key] = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(await plansOfKey(deps.apiGateway, key!.id!)).toHaveLength(1);

    const bystander = (await confirmedAccount()).session;
    const other = { sub: bystander.sub, email: bystander.email };
    await subscribe(deps, other, bronze);

    await resetEmulatorCalls();
    expect(await retireCustomerKeys(deps, customer)).toEqual({ keyIds: [key!.id] });
    expect(await emulatorCalls()).toEqual({
      GetApiKeys: 1,
      GetUsagePlans: 1,
      DeleteUsagePlanKey: 1,
      UpdateApiKey: 1,
      TagResource: 1,
    });
    const [after] = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(after?.enabled).toBe(false);
    expect(after?.tags?.['portico:disabled-reason']).toBe('account deleted');
    expect(await plansOfKey(deps.apiGateway, key!.id!)).toEqual([]);
    expect((await customerAudit(deps, customer.sub)).map((entry) => entry.action)).toContain(
      'key.disabled',
    );
    const [untouched] = await findCustomerKeys(deps.apiGateway, other.sub);
    expect(untouched?.enabled).toBe(true);
    expect(await plansOfKey(deps.apiGateway, untouched!.id!)).toHaveLength(1);

    await deleteOwnAccount(session.accessToken);
    expect((await accountState(session.username)).status).toBe('gone');
    await expect(maintainSession(session, session.accessTokenExpiresAt)).rejects.toBeInstanceOf(
      SessionEndedError,
    );
  });
});
