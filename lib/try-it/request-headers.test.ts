import { describe, expect, it } from 'vitest';
import { allowedHeaderSet, declaredHeaderNames, forwardableHeaders } from './request-headers';

const spec = {
  paths: {
    '/orders': {
      parameters: [{ name: 'X-Tenant', in: 'header' }],
      post: {
        parameters: [
          { name: 'Idempotency-Key', in: 'header' },
          { name: 'limit', in: 'query' },
          // A document cannot bring the portal's own credentials back.
          { name: 'Cookie', in: 'header' },
          { name: 'X-Forwarded-For', in: 'header' },
        ],
      },
    },
  },
};

describe('request header allow-list', () => {
  it("collects the document's header parameters", () => {
    expect(declaredHeaderNames(spec)).toEqual([
      'cookie',
      'idempotency-key',
      'x-forwarded-for',
      'x-tenant',
    ]);
    expect(declaredHeaderNames({})).toEqual([]);
  });

  it('forwards content negotiation and declared headers only', () => {
    const incoming = new Headers({
      accept: 'application/json',
      'content-type': 'application/json',
      'if-none-match': '"abc"',
      'idempotency-key': 'k-1',
      'x-tenant': 'acme',
      cookie: 'next-auth.session-token=secret',
      authorization: 'Bearer portal-token',
      connection: 'keep-alive',
      'transfer-encoding': 'chunked',
      host: 'portal.example',
      origin: 'https://portal.example',
      referer: 'https://portal.example/apis/weather',
      'x-forwarded-for': '203.0.113.9',
      'x-amz-security-token': 'x',
      'x-portico-try': '1',
      'user-agent': 'Mozilla/5.0',
      'x-undeclared': 'nope',
    });
    const forwarded = forwardableHeaders(incoming, allowedHeaderSet(declaredHeaderNames(spec)));
    expect(Object.fromEntries(forwarded.entries())).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
      'if-none-match': '"abc"',
      'idempotency-key': 'k-1',
      'x-tenant': 'acme',
    });
  });
});
