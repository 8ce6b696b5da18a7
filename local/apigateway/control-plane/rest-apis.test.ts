import {
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  DeleteRestApiCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetExportCommand,
  GetStagesCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  type Resource,
} from '@aws-sdk/client-api-gateway';
import { stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  asBody,
  deployApi,
  failure,
  fakeClock,
  emulatorPerTest,
  weatherApi,
} from './conformance-setup';

const clock = fakeClock('2026-03-02T10:00:00Z');
const setup = emulatorPerTest({ clock });

/** An API whose key arrives in the `api_key` query parameter and an authorizer passes it on. */
function queryKeyApi() {
  return {
    openapi: '3.0.1',
    info: { title: 'Query keys', version: '1' },
    'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
    paths: {
      '/items': {
        get: {
          security: [{ api_key: [], query_key: [] }],
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': { type: 'mock' },
        },
      },
    },
    components: {
      securitySchemes: {
        api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
        query_key: {
          type: 'apiKey',
          name: 'api_key',
          in: 'query',
          'x-amazon-apigateway-authtype': 'custom',
          'x-amazon-apigateway-authorizer': {
            type: 'request',
            identitySource: 'method.request.querystring.api_key',
            authorizerUri:
              'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:keys/invocations',
          },
        },
      },
    },
  };
}

const byPath = (items: Resource[] | undefined) =>
  Object.fromEntries((items ?? []).map((resource) => [resource.path, resource]));

describe('ImportRestApi', () => {
  it('imports an OpenAPI 3 JSON document and names the API after info.title', async () => {
    const api = await setup.client.send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));

    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api).toMatchObject({
      name: 'Weather',
      description: 'Forecasts',
      version: '2.1',
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['EDGE'] },
      createdDate: new Date('2026-03-02T10:00:00Z'),
    });
    expect(api.warnings).toBeUndefined();
    expect(api.rootResourceId).toMatch(/^[a-z0-9]{10}$/);
  });

  it('imports the same document written in YAML', async () => {
    const yaml = new TextEncoder().encode(toYaml(weatherApi('Weather in YAML')));
    const api = await setup.client.send(new ImportRestApiCommand({ body: yaml }));

    expect(api).toMatchObject({ name: 'Weather in YAML', version: '2.1', apiKeySource: 'HEADER' });
    const resources = await setup.client.send(new GetResourcesCommand({ restApiId: api.id! }));
    expect(Object.keys(byPath(resources.items)).sort()).toEqual([
      '/',
      '/forecast',
      '/forecast/{city}',
      '/health',
    ]);
  });

  it('reads mock and http_proxy integrations and the x-api-key requirement', async () => {
    const api = await setup.client.send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));
    const resources = await setup.client.send(
      new GetResourcesCommand({ restApiId: api.id!, embed: ['methods'] }),
    );
    const paths = byPath(resources.items);

    expect(paths['/forecast']?.resourceMethods?.GET).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: true,
      operationName: 'getForecast',
      methodIntegration: { type: 'MOCK', timeoutInMillis: 29000 },
    });
    expect(paths['/forecast/{city}']?.resourceMethods?.GET).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: true,
      operationName: 'getCityForecast',
      methodIntegration: {
        type: 'HTTP_PROXY',
        uri: 'http://127.0.0.1:9/cities/{city}',
        httpMethod: 'GET',
        timeoutInMillis: 5000,
      },
    });
    expect(paths['/health']?.resourceMethods?.GET?.apiKeyRequired).toBe(false);
  });

  it('reads x-amazon-apigateway-api-key-source and a custom authorizer', async () => {
    const api = await setup.client.send(new ImportRestApiCommand({ body: asBody(queryKeyApi()) }));
    expect(api.apiKeySource).toBe('AUTHORIZER');

    const resources = await setup.client.send(
      new GetResourcesCommand({ restApiId: api.id!, embed: ['methods'] }),
    );
    const method = byPath(resources.items)['/items']?.resourceMethods?.GET;
    expect(method).toMatchObject({
      authorizationType: 'CUSTOM',
      apiKeyRequired: true,
      methodIntegration: { type: 'MOCK' },
    });
    expect(method?.authorizerId).toMatch(/^[a-z0-9]{6}$/);
  });

  it('refuses an unknown api-key source, a Swagger 2 document and a document without a title', async () => {
    const badSource = { ...weatherApi(), 'x-amazon-apigateway-api-key-source': 'QUERY' };
    const swagger = { swagger: '2.0', info: { title: 'Old' }, paths: {} };
    const untitled = { ...weatherApi(), info: { version: '1' } };

    for (const document of [badSource, swagger, untitled]) {
      await failure(
        setup.client.send(new ImportRestApiCommand({ body: asBody(document) })),
        'BadRequestException',
        400,
      );
    }
    const list = await setup.client.send(new GetRestApisCommand({}));
    expect(list.items).toEqual([]);
  });

  describe('failOnWarnings', () => {
    const withoutIntegration = () => {
      const document = weatherApi('Half done');
      delete (document.paths['/health'].get as Record<string, unknown>)[
        'x-amazon-apigateway-integration'
      ];
      return document;
    };

    it('when true, a warning fails the import and creates nothing', async () => {
      const error = await failure(
        setup.client.send(
          new ImportRestApiCommand({ body: asBody(withoutIntegration()), failOnWarnings: true }),
        ),
        'BadRequestException',
        400,
      );
      expect(error.message).toBe(
        'Warnings found during import:\n\tGET /health: no x-amazon-apigateway-integration; the method answers 500',
      );
      expect((await setup.client.send(new GetRestApisCommand({}))).items).toEqual([]);
    });

    it('when false (the default), the API is created and the warnings returned', async () => {
      const api = await setup.client.send(
        new ImportRestApiCommand({ body: asBody(withoutIntegration()) }),
      );
      expect(api.name).toBe('Half done');
      expect(api.warnings).toEqual([
        'GET /health: no x-amazon-apigateway-integration; the method answers 500',
      ]);
    });
  });
});

describe('GetRestApi and GetRestApis', () => {
  it('GetRestApi returns what the import returned', async () => {
    const imported = await setup.client.send(
      new ImportRestApiCommand({ body: asBody(weatherApi()) }),
    );
    const fetched = await setup.client.send(new GetRestApiCommand({ restApiId: imported.id! }));
    const { $metadata: _imported, ...importedFields } = imported;
    const { $metadata: _fetched, ...fetchedFields } = fetched;
    expect(fetchedFields).toEqual(importedFields);
  });

  it('GetRestApi of an unknown id is a NotFoundException', async () => {
    const error = await failure(
      setup.client.send(new GetRestApiCommand({ restApiId: 'abcdef1234' })),
      'NotFoundException',
      404,
    );
    expect(error.message).toBe('Invalid API identifier specified 000000000000:abcdef1234');
  });

  it('GetRestApis pages by limit and position, oldest first', async () => {
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C']) {
      clock.advance(1000);
      const api = await setup.client.send(
        new ImportRestApiCommand({ body: asBody(weatherApi(title)) }),
      );
      ids.push(api.id!);
    }

    const first = await setup.client.send(new GetRestApisCommand({ limit: 2 }));
    expect(first.items?.map((api) => api.name)).toEqual(['A', 'B']);
    expect(first.position).toEqual(expect.any(String));
    const second = await setup.client.send(
      new GetRestApisCommand({ limit: 2, position: first.position }),
    );
    expect(second.items?.map((api) => api.id)).toEqual([ids[2]]);
    expect(second.position).toBeUndefined();

    const all = await setup.client.send(new GetRestApisCommand({}));
    expect(all.items?.map((api) => api.id)).toEqual(ids);
    expect(all.position).toBeUndefined();
  });

  it('GetRestApis refuses a limit above 500', async () => {
    await failure(
      setup.client.send(new GetRestApisCommand({ limit: 501 })),
      'BadRequestException',
      400,
    );
  });
});

describe('DeleteRestApi', () => {
  it('deletes the API with its stages', async () => {
    const apiId = await deployApi(setup.client);
    const result = await setup.client.send(new DeleteRestApiCommand({ restApiId: apiId }));

    expect(result.$metadata.httpStatusCode).toBe(202);
    await failure(
      setup.client.send(new GetRestApiCommand({ restApiId: apiId })),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(new GetStagesCommand({ restApiId: apiId })),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(new DeleteRestApiCommand({ restApiId: apiId })),
      'NotFoundException',
      404,
    );
  });

  it('is refused while a stage of the API is in a usage plan', async () => {
    const apiId = await deployApi(setup.client);
    await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId, stage: 'prod' }] }),
    );

    await failure(
      setup.client.send(new DeleteRestApiCommand({ restApiId: apiId })),
      'BadRequestException',
      400,
    );
    const api = await setup.client.send(new GetRestApiCommand({ restApiId: apiId }));
    expect(api.id).toBe(apiId);
  });
});

describe('PutRestApi', () => {
  const exportedPaths = async (restApiId: string) => {
    const exported = await setup.client.send(
      new GetExportCommand({ restApiId, stageName: 'prod', exportType: 'oas30' }),
    );
    const document = JSON.parse(new TextDecoder().decode(exported.body)) as { paths: object };
    return Object.keys(document.paths).sort();
  };
  const reworked = () => {
    const document = weatherApi('Weather v2');
    const { '/health': _removed, ...paths } = document.paths;
    return { ...document, paths: { ...paths, '/alerts': document.paths['/health'] } };
  };

  it('overwrites the definition; the stage serves it after the next deployment', async () => {
    const apiId = await deployApi(setup.client);

    const api = await setup.client.send(
      new PutRestApiCommand({ restApiId: apiId, mode: 'overwrite', body: asBody(reworked()) }),
    );

    expect(api).toMatchObject({ id: apiId, name: 'Weather v2', version: '2.1' });
    const resources = await setup.client.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(Object.keys(byPath(resources.items)).sort()).toEqual([
      '/',
      '/alerts',
      '/forecast',
      '/forecast/{city}',
    ]);
    expect(await exportedPaths(apiId)).toEqual(['/forecast', '/forecast/{city}', '/health']);
    await setup.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
    expect(await exportedPaths(apiId)).toEqual(['/alerts', '/forecast', '/forecast/{city}']);
  });

  it('refuses merge, which the emulator does not do, and unknown APIs', async () => {
    const apiId = await deployApi(setup.client);
    const error = await failure(
      setup.client.send(new PutRestApiCommand({ restApiId: apiId, body: asBody(reworked()) })),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe(
      'PutRestApi mode merge is not supported by the emulator; use overwrite',
    );
    await failure(
      setup.client.send(
        new PutRestApiCommand({
          restApiId: 'nope123456',
          mode: 'overwrite',
          body: asBody(reworked()),
        }),
      ),
      'NotFoundException',
      404,
    );
  });
});

describe('GetResources', () => {
  it('without embed lists each method as an empty object, with parents and path parts', async () => {
    const api = await setup.client.send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));
    const resources = await setup.client.send(new GetResourcesCommand({ restApiId: api.id! }));
    const paths = byPath(resources.items);

    expect(paths['/']).toEqual({ id: api.rootResourceId, path: '/' });
    expect(paths['/forecast']).toEqual({
      id: expect.any(String),
      parentId: api.rootResourceId,
      pathPart: 'forecast',
      path: '/forecast',
      resourceMethods: { GET: {} },
    });
    expect(paths['/forecast/{city}']).toMatchObject({
      parentId: paths['/forecast']?.id,
      pathPart: '{city}',
      resourceMethods: { GET: {} },
    });
    expect(resources.position).toBeUndefined();
  });

  it('pages with limit and position', async () => {
    const api = await setup.client.send(new ImportRestApiCommand({ body: asBody(weatherApi()) }));
    const first = await setup.client.send(
      new GetResourcesCommand({ restApiId: api.id!, limit: 3 }),
    );
    const second = await setup.client.send(
      new GetResourcesCommand({ restApiId: api.id!, limit: 3, position: first.position }),
    );
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect(second.position).toBeUndefined();
  });

  it('of an unknown API is a NotFoundException', async () => {
    await failure(
      setup.client.send(new GetResourcesCommand({ restApiId: 'nope000000' })),
      'NotFoundException',
      404,
    );
  });

  it('CreateDeployment of an API without methods is a BadRequestException', async () => {
    const empty = { openapi: '3.0.1', info: { title: 'Empty' }, paths: {} };
    const api = await setup.client.send(new ImportRestApiCommand({ body: asBody(empty) }));
    const error = await failure(
      setup.client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'prod' })),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe("The REST API doesn't contain any methods");
  });
});
