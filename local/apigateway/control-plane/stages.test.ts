import {
  CreateDeploymentCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  DeleteStageCommand,
  GetExportCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deployApi, failure, fakeClock, emulatorPerTest } from './conformance-setup';

const clock = fakeClock('2026-03-02T10:00:00Z');
const setup = emulatorPerTest({ clock });

const seconds = (iso: string) => new Date(iso);

describe('CreateDeployment', () => {
  it('creates a deployment and, with stageName, the stage serving it', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const deployment = await setup.client.send(
      new CreateDeploymentCommand({
        restApiId: apiId,
        stageName: 'beta',
        description: 'second',
        stageDescription: 'Beta testers',
        variables: { upstream: 'beta' },
      }),
    );

    expect(deployment.$metadata.httpStatusCode).toBe(201);
    expect(deployment.id).toMatch(/^[a-z0-9]{10}$/);
    expect(deployment.description).toBe('second');
    expect(deployment.createdDate).toEqual(seconds('2026-03-02T10:00:00Z'));
    const stage = await setup.client.send(
      new GetStageCommand({ restApiId: apiId, stageName: 'beta' }),
    );
    expect(stage).toMatchObject({
      stageName: 'beta',
      deploymentId: deployment.id,
      description: 'Beta testers',
      variables: { upstream: 'beta' },
    });
  });

  it('redeploying to an existing stage moves it to the new deployment', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    clock.advance(60_000);
    const deployment = await setup.client.send(
      new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }),
    );
    const stage = await setup.client.send(
      new GetStageCommand({ restApiId: apiId, stageName: 'prod' }),
    );
    expect(stage.deploymentId).toBe(deployment.id);
    expect(stage.lastUpdatedDate!.getTime() - stage.createdDate!.getTime()).toBe(60_000);
  });
});

describe('GetStages and GetStage', () => {
  it('lists the stages of one API only', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    await setup.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'beta' }));
    await deployApi(setup.client, 'other');

    const stages = await setup.client.send(new GetStagesCommand({ restApiId: apiId }));
    expect(stages.item?.map((stage) => stage.stageName).sort()).toEqual(['beta', 'prod']);
  });

  it('GetStage returns the stage as AWS shapes it', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const { $metadata, ...stage } = await setup.client.send(
      new GetStageCommand({ restApiId: apiId, stageName: 'prod' }),
    );
    expect($metadata.httpStatusCode).toBe(200);
    expect(stage).toEqual({
      deploymentId: expect.stringMatching(/^[a-z0-9]{10}$/),
      stageName: 'prod',
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {},
      tracingEnabled: false,
      variables: {},
      tags: {},
      createdDate: seconds('2026-03-02T10:00:00Z'),
      lastUpdatedDate: seconds('2026-03-02T10:00:00Z'),
    });
  });

  it('an unknown stage is a NotFoundException', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const error = await failure(
      setup.client.send(new GetStageCommand({ restApiId: apiId, stageName: 'nope' })),
      'NotFoundException',
      404,
    );
    expect(error.message).toBe('Invalid stage identifier specified');
  });
});

describe('CreateStage', () => {
  it('creates a stage from a deployment with description, variables and tags', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const { item } = await setup.client.send(new GetStagesCommand({ restApiId: apiId }));
    const deploymentId = item![0]!.deploymentId!;

    const stage = await setup.client.send(
      new CreateStageCommand({
        restApiId: apiId,
        stageName: 'canary',
        deploymentId,
        description: 'Canary',
        variables: { color: 'yellow' },
        tags: { team: 'weather' },
      }),
    );
    expect(stage.$metadata.httpStatusCode).toBe(201);
    expect(stage).toMatchObject({
      stageName: 'canary',
      deploymentId,
      description: 'Canary',
      variables: { color: 'yellow' },
      tags: { team: 'weather' },
    });
  });

  it('refuses an existing name, an unknown deployment and a bad name', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const { item } = await setup.client.send(new GetStagesCommand({ restApiId: apiId }));
    const deploymentId = item![0]!.deploymentId!;

    const exists = await failure(
      setup.client.send(
        new CreateStageCommand({ restApiId: apiId, stageName: 'prod', deploymentId }),
      ),
      'ConflictException',
      409,
    );
    expect(exists.message).toBe('Stage already exists');
    const unknown = await failure(
      setup.client.send(
        new CreateStageCommand({ restApiId: apiId, stageName: 'x', deploymentId: 'nope' }),
      ),
      'BadRequestException',
      400,
    );
    expect(unknown.message).toBe('Invalid deployment identifier specified');
    await failure(
      setup.client.send(
        new CreateStageCommand({ restApiId: apiId, stageName: 'bad name', deploymentId }),
      ),
      'BadRequestException',
      400,
    );
  });
});

describe('UpdateStage', () => {
  it('replaces the description, sets and removes variables, and moves the deployment', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    await setup.client.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/variables/gone', value: 'soon' }],
      }),
    );
    const next = await setup.client.send(new CreateDeploymentCommand({ restApiId: apiId }));
    clock.advance(5000);

    const stage = await setup.client.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/description', value: 'Production' },
          { op: 'replace', path: '/variables/region', value: 'eu' },
          { op: 'remove', path: '/variables/gone' },
          { op: 'replace', path: '/deploymentId', value: next.id },
        ],
      }),
    );
    expect(stage).toMatchObject({
      description: 'Production',
      variables: { region: 'eu' },
      deploymentId: next.id,
      lastUpdatedDate: seconds('2026-03-02T10:00:05Z'),
    });
  });

  it('refuses a path it does not support', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    await failure(
      setup.client.send(
        new UpdateStageCommand({
          restApiId: apiId,
          stageName: 'prod',
          patchOperations: [{ op: 'replace', path: '/stageName', value: 'live' }],
        }),
      ),
      'BadRequestException',
      400,
    );
  });
});

describe('DeleteStage', () => {
  it('deletes a stage that no usage plan covers', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const result = await setup.client.send(
      new DeleteStageCommand({ restApiId: apiId, stageName: 'prod' }),
    );
    expect(result.$metadata.httpStatusCode).toBe(202);
    await failure(
      setup.client.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' })),
      'NotFoundException',
      404,
    );
  });

  it('is refused while the stage is in a usage plan, and allowed once removed from it', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId, stage: 'prod' }] }),
    );

    const error = await failure(
      setup.client.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'prod' })),
      'BadRequestException',
      400,
    );
    expect(error.message).toContain(plan.id);

    await setup.client.send(
      new UpdateUsagePlanCommand({
        usagePlanId: plan.id!,
        patchOperations: [{ op: 'remove', path: '/apiStages', value: `${apiId}:prod` }],
      }),
    );
    await setup.client.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'prod' }));
    const { item } = await setup.client.send(new GetStagesCommand({ restApiId: apiId }));
    expect(item).toEqual([]);
  });
});

describe('GetExport oas30', () => {
  const exportOf = async (
    apiId: string,
    options: { accepts?: string; parameters?: Record<string, string> } = {},
  ) => {
    const result = await setup.client.send(
      new GetExportCommand({
        restApiId: apiId,
        stageName: 'prod',
        exportType: 'oas30',
        ...options,
      }),
    );
    return { result, text: new TextDecoder().decode(result.body) };
  };

  it('exports JSON without API Gateway extensions by default', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const { result, text } = await exportOf(apiId, { accepts: 'application/json' });

    expect(result.contentType).toBe('application/json');
    expect(result.contentDisposition).toBe(`attachment; filename="${apiId}-prod-oas30.json"`);
    expect(text).not.toContain('x-amazon-apigateway');
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(document).toMatchObject({
      openapi: '3.0.1',
      info: { title: 'Weather', version: '2.1' },
      components: {
        securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } },
      },
    });
    expect(Object.keys(document.paths as object)).toEqual([
      '/forecast',
      '/forecast/{city}',
      '/health',
    ]);
  });

  it("names the stage's invoke URL in servers, with basePath defaulting to /{stage} as AWS does", async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const { text } = await exportOf(apiId);
    const { servers } = JSON.parse(text) as {
      servers: { url: string; variables: { basePath: { default: string } } }[];
    };

    expect(servers).toEqual([
      {
        url: `${setup.emulator.url}/restapis/${apiId}{basePath}/_user_request_`,
        variables: { basePath: { default: '/prod' } },
      },
    ]);
    const invokeUrl = servers[0]!.url.replace('{basePath}', servers[0]!.variables.basePath.default);
    expect(invokeUrl).toBe(`${setup.emulator.url}/restapis/${apiId}/prod/_user_request_`);
    const response = await fetch(`${invokeUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ forecast: 'sunny' });
  });

  it('with extensions=apigateway keeps the x-amazon-apigateway-* extensions', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const { text } = await exportOf(apiId, { parameters: { extensions: 'apigateway' } });
    const document = JSON.parse(text) as {
      paths: Record<string, { get: Record<string, unknown> }>;
    };

    expect(document.paths['/forecast/{city}']?.get['x-amazon-apigateway-integration']).toEqual({
      type: 'http_proxy',
      httpMethod: 'GET',
      uri: 'http://127.0.0.1:9/cities/{city}',
      timeoutInMillis: 5000,
    });
  });

  it('exports YAML when asked for application/yaml, with or without extensions', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const json = JSON.parse((await exportOf(apiId)).text) as unknown;
    const plain = await exportOf(apiId, { accepts: 'application/yaml' });
    const extended = await exportOf(apiId, {
      accepts: 'application/yaml',
      parameters: { extensions: 'apigateway' },
    });

    expect(plain.result.contentType).toBe('application/yaml');
    expect(plain.result.contentDisposition).toBe(`attachment; filename="${apiId}-prod-oas30.yaml"`);
    expect(parseYaml(plain.text)).toEqual(json);
    expect(plain.text).not.toContain('x-amazon-apigateway');
    expect(extended.text).toContain('x-amazon-apigateway-integration:');
  });

  it('exports what the stage serves, not a later deployment', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    const before = (await exportOf(apiId)).text;
    await setup.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'beta' }));
    expect((await exportOf(apiId)).text).toBe(before);
  });

  it('refuses an unknown stage and an export type other than oas30', async () => {
    const apiId = await deployApi(setup.client, 'prod');
    await failure(
      setup.client.send(
        new GetExportCommand({ restApiId: apiId, stageName: 'nope', exportType: 'oas30' }),
      ),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(
        new GetExportCommand({ restApiId: apiId, stageName: 'prod', exportType: 'graphql' }),
      ),
      'BadRequestException',
      400,
    );
  });
});
