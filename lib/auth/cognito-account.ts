import 'server-only';
import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../aws';
import { config } from '../config';
import { secretHashField } from './secret-hash';

/** Cognito's public (app-client) calls for accounts; errors are left to the caller to word. */

function client() {
  const { clientId, clientSecret } = config().cognito;
  return { ClientId: clientId, clientId, clientSecret };
}

function identify(email: string) {
  const { ClientId, clientId, clientSecret } = client();
  return { ClientId, Username: email, ...secretHashField(email, { clientId, clientSecret }) };
}

/** Returns the new account's `sub`. */
export async function signUp(email: string, password: string): Promise<string> {
  const answer = await cognitoClient().send(
    new SignUpCommand({
      ...identify(email),
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  if (!answer.UserSub) throw new Error('Cognito answered SignUp without a UserSub.');
  return answer.UserSub;
}

export async function confirmSignUp(email: string, code: string): Promise<void> {
  await cognitoClient().send(
    new ConfirmSignUpCommand({ ...identify(email), ConfirmationCode: code }),
  );
}

export async function resendConfirmationCode(email: string): Promise<void> {
  await cognitoClient().send(new ResendConfirmationCodeCommand(identify(email)));
}

export async function forgotPassword(email: string): Promise<void> {
  await cognitoClient().send(new ForgotPasswordCommand(identify(email)));
}

export async function confirmForgotPassword(
  email: string,
  code: string,
  password: string,
): Promise<void> {
  await cognitoClient().send(
    new ConfirmForgotPasswordCommand({
      ...identify(email),
      ConfirmationCode: code,
      Password: password,
    }),
  );
}

/** Needs a verified, live access token of the account (from the session). */
export async function changePassword(
  accessToken: string,
  previousPassword: string,
  proposedPassword: string,
): Promise<void> {
  await cognitoClient().send(
    new ChangePasswordCommand({
      AccessToken: accessToken,
      PreviousPassword: previousPassword,
      ProposedPassword: proposedPassword,
    }),
  );
}

/** The account deletes itself with its own token: the portal needs no AdminDeleteUser right. */
export async function deleteOwnAccount(accessToken: string): Promise<void> {
  await cognitoClient().send(new DeleteUserCommand({ AccessToken: accessToken }));
}
