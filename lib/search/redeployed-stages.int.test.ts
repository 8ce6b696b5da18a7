import { randomUUID } from 'node:crypto';
import {
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  DeleteRestApiCommand,
  DeleteUsagePlanCommand,
  GetStageCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousViewer } from '../audiences/audience';
import { forgetGatewayLists } from '../gateway/lists';
import { syncReadModel } from '../gateway/sync';
import { readSearchSummaries } from '../store/search-summaries';
import { testAdminDeps } from '../testing/admin-deps';
import { testCatalogDeps } from '../testing/catalog-store';
import { emulatorCalls, resetEmulatorCalls } from '../testing/emulator-stats';
import { gatewayEntryKey } from '../validation/catalog-settings';
import { search, searchContentChanged } from './search-service';

const deps = testAdminDeps();
const raw = deps.apiGateway;
const catalogDeps = testCatalogDeps();
const name = `Harbour ${randomUUID().slice(0, 8)}`;
let restApiId = '';
let usagePlanId = '';

const mock = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } };
/** The harbour API under one version, whatever operations it has. */
const harbour = (paths: Record<string, string>) =>
  new TextEncoder().encode(
    JSON.stringify({
      openapi: '3.0.1',
      info: { title: name, version: '1.0.0' },
      paths: Object.fromEntries(
        Object.entries(paths).map(([path, operationId]) => [
          path,
          {
            get: {
              operationId,
              responses: { '200': { description: 'ok' } },
              'x-amazon-apigateway-integration': mock,
            },
          },
        ]),
      ),
    }),
  );

const operations = async (query: string) =>
  (await search(query, anonymousViewer))
    .filter((result) => result.kind === 'operation')
    .map((result) => result.title);

/** What each sync leaves the catalog with, as "Sync now" does in the portal's process. */
async function sync() {
  await syncReadModel(deps, 'admin');
  forgetGatewayLists();
}

beforeAll(async () => {
  const api = await raw.send(
    new ImportRestApiCommand({ body: harbour({ '/tides': 'getHarbourTides' }) }),
  );
  restApiId = api.id!;
  await raw.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
  const plan = await raw.send(
    new CreateUsagePlanCommand({ name, apiStages: [{ apiId: restApiId, stage: 'prod' }] }),
  );
  usagePlanId = plan.id!;
  await sync();
});

afterAll(async () => {
  await raw.send(new DeleteUsagePlanCommand({ usagePlanId }));
  await raw.send(new DeleteRestApiCommand({ restApiId }));
  await sync();
  await searchContentChanged(catalogDeps);
});

describe('search after a stage is deployed again under the same version', () => {
  it('finds the operations the stage serves once the sync ran, not the removed ones', async () => {
    await searchContentChanged(catalogDeps);
    expect(await operations('getharbourtides')).toEqual(['GET /tides']);

    await raw.send(
      new PutRestApiCommand({
        restApiId,
        mode: 'overwrite',
        body: harbour({ '/berths': 'listHarbourBerths' }),
      }),
    );
    await raw.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    // Same API, stage and version: nothing the catalog holds tells the index to look again.
    await searchContentChanged(catalogDeps);
    expect(await operations('listharbourberths')).toEqual([]);

    await sync();
    expect(await operations('listharbourberths')).toEqual(['GET /berths']);
    expect(await operations('getharbourtides')).toEqual([]);
    const { deploymentId } = await raw.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    const stored = (await readSearchSummaries(catalogDeps)).get(gatewayEntryKey(restApiId, 'prod'));
    expect(stored?.deployment).toBe(deploymentId);

    // A sync with nothing deployed since asks for the stages, and exports nothing.
    await resetEmulatorCalls();
    await sync();
    const calls = await emulatorCalls();
    expect(calls.GetStages).toBeGreaterThan(0);
    expect(calls.GetExport).toBeUndefined();
    expect(
      (await readSearchSummaries(catalogDeps)).get(gatewayEntryKey(restApiId, 'prod'))?.builtAt,
    ).toBe(stored?.builtAt);
  });
});
