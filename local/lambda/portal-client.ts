import { functionUrlEvent, type ViewerRequest } from './events';
import type { FunctionUrlAnswer } from './response-stream';
import { invokeServerFunction, type ServerHandler } from './server-function';

/** The distribution's public host name in the tests (NEXTAUTH_URL is https on it). */
export const publicHost = 'portal.example.com';
export const publicOrigin = `https://${publicHost}`;

/**
 * A browser's view of the portal through CloudFront and the function URL: it keeps the
 * cookies the portal sets (name=value only, as a browser sends them back).
 */
export class PortalClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly handler: ServerHandler) {}

  async send(request: ViewerRequest): Promise<FunctionUrlAnswer> {
    const answer = await invokeServerFunction(
      this.handler,
      functionUrlEvent(publicHost, {
        ...request,
        cookies: [...this.cookies].map(([name, value]) => `${name}=${value}`),
      }),
    );
    for (const cookie of answer.cookies) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return answer;
  }

  get(url: string, headers: Record<string, string> = {}): Promise<FunctionUrlAnswer> {
    return this.send({ url, headers });
  }

  /** A form post from one of the portal's pages (same origin, as the browser marks it). */
  postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.send({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: publicOrigin,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** A cookie's attributes, lower-cased: `{ path: '/', httponly: true, samesite: 'lax', ... }`. */
export function cookieAttributes(setCookie: string): Record<string, string | true> {
  const [, ...attributes] = setCookie.split(';').map((part) => part.trim());
  return Object.fromEntries(
    attributes.map((attribute) => {
      const at = attribute.indexOf('=');
      return at < 0
        ? [attribute.toLowerCase(), true]
        : [attribute.slice(0, at).toLowerCase(), attribute.slice(at + 1).toLowerCase()];
    }),
  );
}

export function findCookie(answer: FunctionUrlAnswer, name: string): string | undefined {
  return answer.cookies.find((cookie) => cookie.startsWith(`${name}=`));
}
