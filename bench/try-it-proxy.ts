import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { anonymousViewer } from '../lib/audiences/audience';
import { freePorts } from '../local/stack/ports';
import { startLocalStack } from '../local/stack/start-stack';

/**
 * `npm run bench:try-it`: what the docs page's try-it proxy adds to a call. The same GET goes
 * to the seeded Weather API's invoke URL directly and through `runTryRequest` (the route
 * handler's whole server-side work: catalog lookup, path checks, header filtering, key
 * placement, forwarding, wrapping), sequentially, against a local stack of its own.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const calls = Number(process.env.BENCH_CALLS ?? 500);

const stateDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
const stack = await startLocalStack({ ports: await freePorts(), stateDir });
Object.assign(process.env, stack.env);
try {
  // Imported after the environment is set: the portal reads its configuration once.
  const { RateLimiter } = await import('../lib/auth/rate-limit');
  const { findCatalogApi } = await import('../lib/gateway/catalog-lookup');
  const { getApiDocument } = await import('../lib/gateway/api-docs');
  const { portalDeps } = await import('../lib/portal/server-deps');
  const { runTryRequest } = await import('../lib/try-it/try-request');
  const deps = portalDeps();

  // A plan of its own with limits the benchmark never reaches, so no call is throttled.
  const weather = (await findCatalogApi('weather', anonymousViewer))!;
  const plan = await deps.apiGateway.send(
    new CreateUsagePlanCommand({
      name: 'Bench',
      apiStages: [{ apiId: weather.restApiId, stage: weather.stage }],
      throttle: { rateLimit: 100_000, burstLimit: 100_000 },
    }),
  );
  const key = await deps.apiGateway.send(new CreateApiKeyCommand({ name: 'bench', enabled: true }));
  await deps.apiGateway.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: plan.id!, keyId: key.id!, keyType: 'API_KEY' }),
  );
  const document = await getApiDocument(weather);
  const direct = `${document.baseUrl}/cities`;
  // The real shared limiter (one DynamoDB update a call), with a limit the benchmark never reaches.
  const limiter = new RateLimiter({
    name: 'bench',
    limit: Number.MAX_SAFE_INTEGER,
    windowMs: 1000,
  });

  const viaProxy = async () => {
    const outcome = await runTryRequest(
      deps,
      {
        slug: 'weather',
        method: 'GET',
        pathname: '/api/try/weather/cities',
        search: '',
        headers: new Headers({ 'x-api-key': key.value! }),
        body: null,
        clientIp: '127.0.0.1',
        viewer: anonymousViewer,
      },
      { limiter },
    );
    if (!outcome.ok || outcome.envelope.status !== 200) throw new Error('proxy call failed');
  };
  const directly = async () => {
    const response = await fetch(direct, { headers: { 'x-api-key': key.value! } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error('direct call failed');
  };

  async function measure(call: () => Promise<void>): Promise<number[]> {
    for (let warm = 0; warm < 50; warm += 1) await call();
    const samples: number[] = [];
    for (let index = 0; index < calls; index += 1) {
      const started = performance.now();
      await call();
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b);
  }
  const at = (samples: number[], p: number) =>
    samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;

  const plain = await measure(directly);
  const proxied = await measure(viaProxy);
  console.log(`${calls} sequential GET /cities, Weather API on the local emulator`);
  for (const [name, samples] of [
    ['direct', plain],
    ['via proxy', proxied],
  ] as const) {
    console.log(
      `${name.padEnd(10)} p50 ${at(samples, 0.5).toFixed(2)} ms   p99 ${at(samples, 0.99).toFixed(2)} ms`,
    );
  }
  console.log(
    `overhead   p50 ${(at(proxied, 0.5) - at(plain, 0.5)).toFixed(2)} ms   p99 ${(at(proxied, 0.99) - at(plain, 0.99)).toFixed(2)} ms`,
  );
} finally {
  await stack.close();
  rmSync(stateDir, { recursive: true, force: true });
}
