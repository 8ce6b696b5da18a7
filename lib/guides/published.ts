import 'server-only';
import type { AudienceViewer } from '../audiences/audience';
import { dynamoClient } from '../aws';
import { config } from '../config';
import { gatewayCache, gatewayCacheTtlMs } from '../gateway/cache';
import { readGuides, type GuideStoreDeps } from '../store/guides';
import {
  guideTree,
  readableGuides,
  type Guide,
  type GuideNode,
  type PublishedGuide,
} from './guide';

const cacheKey = 'guides:all';

export function guideStoreDeps(): GuideStoreDeps {
  return { dynamo: dynamoClient(), tableName: config().tableName, now: Date.now };
}

/** Every guide: one Query per cache period, dropped by each admin change (./actions). */
export function cachedGuides(): Promise<Guide[]> {
  return gatewayCache.get(cacheKey, gatewayCacheTtlMs(), () => readGuides(guideStoreDeps()));
}

export function forgetGuides(): void {
  gatewayCache.invalidate(cacheKey);
}

/** What this reader may read, with the navigation tree built from the same guides. */
export async function guidesFor(
  viewer: AudienceViewer,
): Promise<{ guides: PublishedGuide[]; tree: GuideNode[] }> {
  const guides = readableGuides(await cachedGuides(), viewer);
  return { guides, tree: guideTree(guides) };
}
