import 'server-only';
import type { Account } from 'next-auth';
import CognitoProvider from 'next-auth/providers/cognito';
import type { PorticoConfig } from '../config/load';
import { SessionEndedError, checkAccountInCognito } from './session-maintenance';
import { sessionFromTokens, type SessionToken } from './session-token';

export const hostedUiProviderId = 'cognito';

/**
 * The pool's Hosted UI as an OIDC provider (authorization code with PKCE and state), offered
 * beside the email-and-password form when COGNITO_HOSTED_UI=true in AWS mode. A client without
 * a secret authenticates as a public client.
 */
export function hostedUiProvider(cognito: PorticoConfig['cognito']) {
  if (!cognito.hostedUi) return undefined;
  return CognitoProvider({
    id: hostedUiProviderId,
    name: 'your organisation’s sign-in page',
    issuer: cognito.issuer,
    clientId: cognito.clientId,
    clientSecret: cognito.clientSecret ?? '',
    checks: ['pkce', 'state'],
    ...(cognito.clientSecret ? {} : { client: { token_endpoint_auth_method: 'none' } }),
  });
}

/**
 * The session of a Hosted UI sign-in: the same verified tokens and account check as the
 * password flow, so the rest of the portal cannot tell the two apart.
 */
export async function sessionFromHostedUi(account: Account): Promise<SessionToken> {
  const { id_token: idToken, access_token: accessToken, refresh_token: refreshToken } = account;
  if (!idToken || !accessToken || !refreshToken) {
    throw new SessionEndedError('the Hosted UI returned no tokens');
  }
  const session = await sessionFromTokens({ idToken, accessToken }, refreshToken);
  const state = await checkAccountInCognito(session);
  if (state.status !== 'active') throw new SessionEndedError('account not active');
  return session;
}
