import { describe, expect, it } from 'vitest';
import { prepareApiDocument, prepareGenericDocument } from './api-document';

const authorizer = {
  type: 'request',
  identitySource: 'method.request.querystring.api_key',
  authorizerUri: 'arn:aws:lambda:…',
};

const exported = () => ({
  openapi: '3.0.1',
  info: { title: 'Payments', version: '2.0.0' },
  'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
  servers: [
    {
      url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/{basePath}',
      variables: { basePath: { default: '/prod' } },
    },
  ],
  paths: {
    '/payments': {
      get: {
        security: [{ api_key: [], query_key_authorizer: [] }],
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          responses: { default: { statusCode: '200' } },
        },
      },
    },
    '/health': { get: { responses: { '200': { description: 'ok' } } } },
  },
  components: {
    securitySchemes: {
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
      query_key_authorizer: {
        type: 'apiKey',
        name: 'api_key',
        in: 'query',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': authorizer,
      },
    },
  },
});

describe('prepareApiDocument', () => {
  it('removes every API Gateway extension, at any depth', () => {
    const { spec } = prepareApiDocument(exported(), 'AUTHORIZER');
    expect(JSON.stringify(spec)).not.toContain('x-amazon-apigateway');
  });

  it('sets servers to the stage invoke URL with variables resolved', () => {
    const document = prepareApiDocument(exported(), 'HEADER');
    expect(document.baseUrl).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/prod');
    expect(document.spec.servers).toEqual([
      { url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' },
    ]);
  });

  it("describes an AUTHORIZER API's key as the query parameter its authorizer reads", () => {
    const { spec, keyLocation } = prepareApiDocument(exported(), 'AUTHORIZER');
    expect(keyLocation).toEqual({ in: 'query', name: 'api_key' });
    expect(spec.components).toEqual({
      securitySchemes: {
        api_key: {
          type: 'apiKey',
          in: 'query',
          name: 'api_key',
          description: 'Send your API key in the `api_key` query-string parameter.',
        },
      },
    });
    const paths = spec.paths as Record<string, Record<string, { security?: unknown }>>;
    expect(paths['/payments']?.get?.security).toEqual([{ api_key: [] }]);
    expect(paths['/health']?.get?.security).toBeUndefined();
  });

  it('describes a HEADER API key as the x-api-key header', () => {
    const { keyLocation, spec } = prepareApiDocument(exported(), 'HEADER');
    expect(keyLocation).toEqual({ in: 'header', name: 'x-api-key' });
    expect(JSON.stringify(spec.components)).toContain(
      'Send your API key in the `x-api-key` header.',
    );
  });

  it('leaves a document without API-key schemes alone', () => {
    const { spec } = prepareApiDocument(
      { openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {} },
      'HEADER',
    );
    expect(spec).toEqual({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {} });
  });
});

describe('external references in what readers get', () => {
  it('are removed from uploaded and exported documents alike', () => {
    const withRef = {
      openapi: '3.0.1',
      info: { title: 'x', version: '1' },
      paths: { '/a': { get: { responses: { '200': { $ref: 'https://evil.example/r.json' } } } } },
    };
    for (const { spec } of [prepareGenericDocument(withRef), prepareApiDocument(withRef, 'HEADER')])
      expect(JSON.stringify(spec)).not.toContain('evil.example/r.json"}');
    expect(JSON.stringify(prepareGenericDocument(withRef).spec)).not.toContain('"$ref"');
  });
});
