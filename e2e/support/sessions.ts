import { expect, request, type APIRequestContext } from '@playwright/test';

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
