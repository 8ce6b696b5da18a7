import { CreateDeploymentCommand, ImportRestApiCommand } from '@aws-sdk/client-api-gateway';
import { createUnbudgetedApiGatewayClient } from '../../lib/gateway/client';
import { startApiGatewayEmulator } from '../../local/apigateway';

/**
 * An emulator in this process with one keyed MOCK `GET {path}` answering `body`, deployed.
 * With `dataDir` it journals every change there, as the local stack runs it.
 */
export async function emulatorWithMockApi(
  path: string,
  body: string,
  stage: string,
  dataDir?: string,
) {
  const emulator = await startApiGatewayEmulator({ port: 0, ...(dataDir ? { dataDir } : {}) });
  const client = createUnbudgetedApiGatewayClient({
    region: 'us-east-1',
    endpoints: { apiGateway: emulator.url },
  });
  const document = {
    openapi: '3.0.1',
    info: { title: 'Bench', version: '1' },
    paths: {
      [path]: {
        get: {
          security: [{ api_key: [] }],
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: {
              default: { statusCode: '200', responseTemplates: { 'application/json': body } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } },
    },
  };
  const api = await client.send(
    new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(document)) }),
  );
  await client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: stage }));
  return {
    emulator,
    client,
    apiId: api.id!,
    invokeUrl: `${emulator.url}/restapis/${api.id}/${stage}/_user_request_${path}`,
  };
}
