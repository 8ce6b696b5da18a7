import { describe, expect, it } from 'vitest';
import type { Method, Resource } from '../model/types';
import { DeploymentRoutes } from './routing';

const method = (httpMethod: string): Method => ({
  httpMethod,
  authorizationType: 'NONE',
  apiKeyRequired: false,
});

const resource = (path: string, ...methods: string[]): Resource => ({
  id: path,
  path,
  resourceMethods: Object.fromEntries(methods.map((name) => [name, method(name)])),
});

const resources = [
  resource('/', 'GET'),
  resource('/items', 'GET', 'POST'),
  resource('/items/{id}', 'GET', 'DELETE'),
  resource('/items/special', 'PUT'),
  resource('/a.b', 'ANY'),
  resource('/files/{path+}', 'GET'),
  resource('/{proxy+}', 'ANY'),
];

/** The patterns alone, tried in rank order: how every path was matched before the literal map. */
function byPatterns(httpMethod: string, path: string) {
  const ranked = resources
    .map((entry) => {
      const names: string[] = [];
      let rank = 0;
      const source = entry.path
        .split('/')
        .map((part) => {
          const parameter = /^\{(.+?)(\+)?\}$/.exec(part);
          if (!parameter?.[1]) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(parameter[1]);
          rank += parameter[2] ? 1000 : 1;
          return parameter[2] ? '(.+)' : '([^/]+)';
        })
        .join('/');
      return { entry, names, rank, pattern: new RegExp(`^${source === '' ? '/' : source}/?$`) };
    })
    .sort((a, b) => a.rank - b.rank);
  for (const { entry, names, pattern } of ranked) {
    const match = pattern.exec(path);
    const found = match && (entry.resourceMethods[httpMethod] ?? entry.resourceMethods.ANY);
    if (!match || !found) continue;
    return {
      path: entry.path,
      method: found.httpMethod,
      pathParameters: Object.fromEntries(
        names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
      ),
    };
  }
  return undefined;
}

describe('DeploymentRoutes', () => {
  const routes = new DeploymentRoutes(resources);
  const paths = [
    '/',
    '//',
    '/items',
    '/items/',
    '/items//',
    '/items/7',
    '/items/7/',
    '/items/special',
    '/items/special/',
    '/a.b',
    '/aXb',
    '/files/x/y%20z',
    '/other/thing',
    '/Items',
  ];
  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
  const cases = paths.flatMap((path) => methods.map((httpMethod) => [httpMethod, path] as const));

  it.each(cases)('matches %s %s as the patterns alone do', (httpMethod, path) => {
    const matched = routes.match(httpMethod, path);
    expect(
      matched && {
        path: matched.resource.path,
        method: matched.method.httpMethod,
        pathParameters: matched.pathParameters,
      },
    ).toEqual(byPatterns(httpMethod, path));
  });

  it('keeps a malformed escape in a path parameter as sent instead of throwing', () => {
    expect(routes.match('GET', '/items/%E0%A4%A')?.pathParameters).toEqual({ id: '%E0%A4%A' });
    expect(routes.match('GET', '/items/a%20b')?.pathParameters).toEqual({ id: 'a b' });
  });
});
