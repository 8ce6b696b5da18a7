import { describe, expect, it } from 'vitest';
import { invokeTarget } from './data-plane';

/** What the data plane matched invoke URLs with before invokeTarget: the reference. */
const invokePath = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/[^?]*)?(?:\?(.*))?$/;

function byRegex(url: string) {
  const match = invokePath.exec(url);
  if (!match) return undefined;
  const [, restApiId = '', stageName = '', path = '/', queryString = ''] = match;
  return { restApiId, stageName, path, queryString };
}

describe('invokeTarget', () => {
  const urls = [
    '/restapis/abc123/live/_user_request_/items',
    '/restapis/abc123/live/_user_request_/items/',
    '/restapis/abc123/live/_user_request_/items/7?x=1&y=2',
    '/restapis/abc123/live/_user_request_/items?',
    '/restapis/abc123/live/_user_request_/a/b%20c/d?q=a?b/c',
    '/restapis/abc123/live/_user_request_',
    '/restapis/abc123/live/_user_request_?api_key=k',
    '/restapis/abc123/live/_user_request_/',
    '/restapis/abc123/live/_user_request_x/items',
    '/restapis/abc123/live/_user_request',
    '/restapis/abc123/live/extra/_user_request_/items',
    '/restapis/abc123/_user_request_/items',
    '/restapis//live/_user_request_/items',
    '/restapis/abc123//_user_request_/items',
    '/restapis/a?b/live/_user_request_/items',
    '/restapis/abc123/li?ve/_user_request_/items',
    '/restapis/_user_request_/items',
    '/restapis/',
    '/restapisx/abc/live/_user_request_/items',
    '/usageplans',
  ];

  it.each(urls)('cuts %s as the regular expression did', (url) => {
    expect(invokeTarget(url)).toEqual(byRegex(url));
  });

  it('finds the parts of an invoke URL', () => {
    expect(invokeTarget('/restapis/abc123/live/_user_request_/items/7?x=1')).toEqual({
      restApiId: 'abc123',
      stageName: 'live',
      path: '/items/7',
      queryString: 'x=1',
    });
  });
});
