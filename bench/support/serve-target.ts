import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { emulatorWithMockApi } from './mock-api';

/**
 * One benchmark target in its own process, so the load generator does not share its event
 * loop: `emulator` (a MOCK method behind a valid key and a plan with very high limits, state in
 * memory), `journaled` (the same, journaling to a data directory as the local stack does) or
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
} else if (target === 'emulator' || target === 'journaled') {
  const dataDir =
    target === 'journaled' ? mkdtempSync(join(tmpdir(), 'bench-dataplane-')) : undefined;
  if (dataDir) {
    process.once('SIGTERM', () => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }
  const { client, apiId, invokeUrl } = await emulatorWithMockApi('/items', body, 'bench', dataDir);
  const plan = await client.send(
    new CreateUsagePlanCommand({
      name: 'Bench',
      apiStages: [{ apiId, stage: 'bench' }],
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
      url: invokeUrl,
      headers: { 'x-api-key': key.value },
    }),
  );
} else {
  console.error('usage: serve-target.ts bare|emulator|journaled');
  process.exit(2);
}
