import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a route's first visit downloads in JavaScript, as Next's build records it. */
export interface FirstLoad {
  route: string;
  gzipBytes: number;
  chunks: number;
}

/** Only the API docs page carries swagger-ui (the brief); every other page stays under this. */
export const firstLoadBudgetBytes = 130 * 1024;
// The docs page, per visitor and as anonymous visitors get it from cache.
export const heavyRoutes = ['/apis/[slug]', '/cached/[audience]/apis/[slug]'];

interface RouteBundleStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/**
 * Reads `.next/diagnostics/route-bundle-stats.json` (written by `next build`: each route's
 * first-load chunks, shared ones included) and gzips every chunk as a server would send it.
 */
export function firstLoadJs(projectDir = process.cwd()): FirstLoad[] {
  const statsFile = join(projectDir, '.next', 'diagnostics', 'route-bundle-stats.json');
  let stats: RouteBundleStats[];
  try {
    stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RouteBundleStats[];
  } catch {
    throw new Error(`${statsFile} is missing: run \`npm run build\` first.`);
  }
  const gzipped = new Map<string, number>();
  const sizeOf = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(projectDir, chunk)), { level: 9 }).length;
      gzipped.set(chunk, size);
    }
    return size;
  };
  return stats
    .map(({ route, firstLoadChunkPaths }) => ({
      route,
      gzipBytes: firstLoadChunkPaths.reduce((total, chunk) => total + sizeOf(chunk), 0),
      chunks: firstLoadChunkPaths.length,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}
