import { dynamoClient } from '../aws';
import { invalidateCatalogStore } from '../gateway/catalog-store';
import {
  deleteCatalogSettings,
  readCatalogStore,
  type CatalogStoreDeps,
} from '../store/catalog-settings';
import { deleteGenericSpec } from '../store/generic-specs';
import { stackClients } from './stack';

/** The catalog store of the integration tests' local stack, through its own SDK client. */
export function testCatalogDeps(): CatalogStoreDeps {
  const { config, dynamo } = stackClients();
  return { dynamo, tableName: config.tableName, now: Date.now };
}

/**
 * Puts the catalog back as seeded: other test files read the catalog and expect every seeded
 * API published under its own name.
 */
export async function resetCatalogStore(deps = testCatalogDeps()): Promise<void> {
  const store = await readCatalogStore(deps);
  for (const spec of store.specs) await deleteGenericSpec(deps, spec.id);
  for (const settings of store.settings) await deleteCatalogSettings(deps, settings.entry);
  invalidateCatalogStore();
}

/** Counts the portal's own DynamoDB calls (the client `lib/aws` gives the app) by command. */
export function countPortalDynamoCalls(): { calls: string[] } {
  const counter = { calls: [] as string[] };
  dynamoClient().middlewareStack.add(
    (next, context) => (args) => {
      counter.calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'porticoTestCallCounter', override: true },
  );
  return counter;
}
