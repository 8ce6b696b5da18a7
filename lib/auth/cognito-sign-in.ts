import 'server-only';
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../aws';
import { config } from '../config';
import { secretHashField } from './secret-hash';

/** Raw tokens straight from Cognito: verify them (session-token.ts) before reading any claim. */
export interface CognitoTokens {
  idToken: string;
  accessToken: string;
  /** Absent when refreshing: Cognito keeps the refresh token unless rotation is on. */
  refreshToken?: string;
}

export type PasswordAuthResult =
  | { kind: 'tokens'; tokens: CognitoTokens }
  | { kind: 'new-password-required'; username: string; session: string };

/** Sign-in with USER_PASSWORD_AUTH; accounts created by an admin first answer a challenge. */
export async function passwordAuth(email: string, password: string): Promise<PasswordAuthResult> {
  const { clientId, clientSecret } = config().cognito;
  const answer = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: {
        USERNAME: email,
        PASSWORD: password,
        ...secretHashParameter(email, { clientId, clientSecret }),
      },
    }),
  );
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session) {
    const username = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? email;
    return { kind: 'new-password-required', username, session: answer.Session };
  }
  if (answer.ChallengeName) throw unsupportedChallenge(answer.ChallengeName);
  return { kind: 'tokens', tokens: tokensOf(answer.AuthenticationResult) };
}

/** Answers NEW_PASSWORD_REQUIRED with the password the person chose. */
export async function setNewPassword(
  username: string,
  session: string,
  newPassword: string,
): Promise<CognitoTokens> {
  const { clientId, clientSecret } = config().cognito;
  const answer = await cognitoClient().send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: clientId,
      Session: session,
      ChallengeResponses: {
        USERNAME: username,
        NEW_PASSWORD: newPassword,
        ...secretHashParameter(username, { clientId, clientSecret }),
      },
    }),
  );
  if (answer.ChallengeName) throw unsupportedChallenge(answer.ChallengeName);
  return tokensOf(answer.AuthenticationResult);
}

/** REFRESH_TOKEN_AUTH; with a client secret the hash uses the user's `cognito:username`. */
export async function refreshAuth(refreshToken: string, username: string): Promise<CognitoTokens> {
  const { clientId, clientSecret } = config().cognito;
  const answer = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: clientId,
      AuthParameters: {
        REFRESH_TOKEN: refreshToken,
        ...secretHashParameter(username, { clientId, clientSecret }),
      },
    }),
  );
  return tokensOf(answer.AuthenticationResult);
}

/**
 * Signing out revokes the refresh token, so a copy of the old cookie cannot renew the session
 * (its access token still works until it expires, as Cognito's tokens do).
 */
export async function revokeRefreshToken(refreshToken: string): Promise<void> {
  const { clientId, clientSecret } = config().cognito;
  await cognitoClient().send(
    new RevokeTokenCommand({
      ClientId: clientId,
      Token: refreshToken,
      ...(clientSecret ? { ClientSecret: clientSecret } : {}),
    }),
  );
}

/** Auth flows take the hash as an auth parameter, not as the `SecretHash` field. */
function secretHashParameter(
  username: string,
  client: { clientId: string; clientSecret?: string },
): { SECRET_HASH?: string } {
  const { SecretHash } = secretHashField(username, client);
  return SecretHash ? { SECRET_HASH: SecretHash } : {};
}

function tokensOf(result: AuthenticationResultType | undefined): CognitoTokens {
  if (!result?.IdToken || !result.AccessToken) throw new Error('Cognito answered without tokens.');
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
  };
}

/** MFA and other challenges are not offered by the portal's app client. */
function unsupportedChallenge(name: string): Error {
  const error = new Error(
    `Cognito asked for the ${name} challenge, which the portal does not offer.`,
  );
  error.name = 'UnsupportedChallenge';
  return error;
}
