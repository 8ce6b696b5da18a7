import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect, request, type APIRequestContext } from '@playwright/test';
import { createCognitoClient } from '../../lib/aws/clients';
import { loadConfig } from '../../lib/config/load';
import { e2eStateDir } from './e2e-env';

/**
 * Sessions made over HTTP, as a script (or an attacker holding a copied cookie) would: next-auth's
 * CSRF token, then the password provider's callback. No page is rendered.
 */
export const sessionCookieName = 'next-auth.session-token';

export async function httpSession(
  baseURL: string,
  credentials: { email: string; password: string },
): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  const answer = await context.post('/api/auth/callback/password', {
    form: { ...credentials, csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(answer.status(), await answer.text()).toBeLessThan(400);
  const session = await (await context.get('/api/auth/session')).json();
  expect(session.user?.email).toBe(credentials.email);
  return context;
}

export async function sessionCookie(context: APIRequestContext): Promise<string> {
  const cookie = (await context.storageState()).cookies.find(
    (one) => one.name === sessionCookieName,
  );
  expect(cookie, 'a session cookie').toBeDefined();
  return cookie?.value ?? '';
}

/** A context that only carries a copy of someone's session cookie. */
export function withCookie(baseURL: string, value: string): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${sessionCookieName}=${value}` },
  });
}

export async function signOutOverHttp(context: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  const answer = await context.post('/api/auth/signout', {
    form: { csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(answer.status()).toBeLessThan(400);
}

/** The e2e stack's Cognito through the real SDK, as the portal reaches it. */
export function e2eCognito() {
  const env = JSON.parse(readFileSync(join(e2eStateDir, 'stack.json'), 'utf8')) as Record<
    string,
    string
  >;
  const config = loadConfig(env);
  return { cognito: createCognitoClient(config), userPoolId: config.cognito.userPoolId, config };
}

/** A confirmed account made with admin calls; its `sub` for admin pages. */
export async function createAccount(options: { admin?: boolean } = {}) {
  const { cognito, userPoolId, config } = e2eCognito();
  const email = `matrix-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'Portico-Matrix-1';
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: password,
      Permanent: true,
    }),
  );
  if (options.admin)
    await cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: userPoolId,
        Username: email,
        GroupName: config.adminGroup,
      }),
    );
  const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  expect(sub).toBeDefined();
  return { email, password, sub: sub ?? '' };
}

export async function subOf(email: string): Promise<string> {
  const { cognito, userPoolId } = e2eCognito();
  const user = await cognito.send(
    new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }),
  );
  return user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value ?? '';
}
