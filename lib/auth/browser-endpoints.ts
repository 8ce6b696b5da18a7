/**
 * next-auth's CSRF-checked endpoints, posted from the browser the way its client does, without
 * shipping that client (about 12 KB gzip on every page that has a sign-out button). The posts
 * go through `fetch`, which carries CloudFront's payload hash (components/payload-hash.tsx); a
 * plain HTML form post would not.
 */
async function post(path: string, fields: Record<string, string>): Promise<Response> {
  const csrf = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: 'true' }),
  });
}

/** Where next-auth sends the browser next (its JSON answer), or the fallback. */
async function nextUrl(response: Response, fallback: string): Promise<string> {
  const answer = (await response.json().catch(() => ({}))) as { url?: unknown };
  return typeof answer.url === 'string' ? answer.url : fallback;
}

/** Ends the session, then loads `callbackUrl` (a full load: every cached view is dropped). */
export async function signOut(callbackUrl: string): Promise<void> {
  const response = await post('/api/auth/signout', { callbackUrl });
  window.location.assign(await nextUrl(response, callbackUrl));
}

/** Starts an OAuth sign-in (the Hosted UI): the browser leaves for the provider. */
export async function signInWithProvider(providerId: string, callbackUrl: string): Promise<void> {
  const response = await post(`/api/auth/signin/${encodeURIComponent(providerId)}`, {
    callbackUrl,
  });
  window.location.assign(await nextUrl(response, callbackUrl));
}

/**
 * Signs in with a credentials provider and stays on the page: `{ error }` is next-auth's error
 * code (the `error` parameter of the URL it answers with), undefined when signed in.
 */
export async function signInWithCredentials(
  providerId: string,
  credentials: Record<string, string>,
  callbackUrl: string,
): Promise<{ error?: string }> {
  const response = await post(`/api/auth/callback/${encodeURIComponent(providerId)}`, {
    ...credentials,
    callbackUrl,
  });
  const url = new URL(await nextUrl(response, callbackUrl), window.location.origin);
  const error = url.searchParams.get('error') ?? (response.ok ? undefined : 'unavailable');
  return error ? { error } : {};
}
