import { createServer } from 'node:http';
import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  ImportRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { createApiGatewayClient } from '../../lib/aws/clients';
import { startApiGatewayEmulator } from '../../local/apigateway';

/**
 * One benchmark target in its own process, so the load generator does not share its event
 * loop: `emulator` (a MOCK method behind a valid key and a plan with very high limits) or
 * `bare` (a plain Node server answering the same body). Prints `{url, headers}` when ready.
 */
export const body = JSON.stringify({
  items: [
    { id: 1, name: 'one' },
    { id: 2, name: 'two' },
  ],
});

const target = process.argv[2];
if (target === 'bare') {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/items`, headers: {} }));
  });
} else if (target === 'emulator') {
  const emulator = await startApiGatewayEmulator({ port: 0 });
  const client = createApiGatewayClient({
    region: 'us-east-1',
    endpoints: { apiGateway: emulator.url },
  });
  const document = {
    openapi: '3.0.1',
    info: { title: 'Bench', version: '1' },
    paths: {
      '/items': {
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
  await client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'bench' }));
  const plan = await client.send(
    new CreateUsagePlanCommand({
      name: 'Bench',
      apiStages: [{ apiId: api.id!, stage: 'bench' }],
      throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 },
      quota: { limit: 1_000_000_000, period: 'DAY', offset: 0 },
    }),
  );
  const key = await client.send(new CreateApiKeyCommand({ name: 'bench', enabled: true }));
  await client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: plan.id!, keyId: key.id!, keyType: 'API_KEY' }),
  );
  console.log(
    JSON.stringify({
      url: `${emulator.url}/restapis/${api.id}/bench/_user_request_/items`,
      headers: { 'x-api-key': key.value },
    }),
  );
} else {
  console.error('usage: serve-target.ts emulator|bare');
  process.exit(2);
}
