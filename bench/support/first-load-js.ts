import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
 * Next's `noModule` polyfills are not in the list: browsers that run modules never fetch them.
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

// The smallest App Router app there is: a root layout and a page that render plain HTML.
const emptyApp = {
  // Its own package.json: Next's `.next/package.json` would make the files CommonJS.
  'package.json': '{ "private": true, "type": "module" }\n',
  'app/layout.jsx':
    'export default function RootLayout({ children }) {\n' +
    '  return (<html lang="en"><body>{children}</body></html>);\n}\n',
  'app/page.jsx': 'export default function Page() {\n  return <p>empty</p>;\n}\n',
};

/**
 * The framework's own share of every page: builds an empty App Router app with the project's
 * Next and React (in `.next/`, so nothing lands in the tree) and measures its page as
 * `firstLoadJs` measures ours. Whatever a page weighs above it is the portal's code.
 */
export function frameworkFloor(projectDir = process.cwd()): FirstLoad {
  const appDir = join(projectDir, '.next', 'framework-floor');
  rmSync(appDir, { recursive: true, force: true });
  for (const [file, source] of Object.entries(emptyApp)) {
    mkdirSync(join(appDir, file, '..'), { recursive: true });
    writeFileSync(join(appDir, file), source);
  }
  const nextBin = createRequire(join(projectDir, 'package.json')).resolve('next/dist/bin/next');
  const build = spawnSync(process.execPath, [nextBin, 'build', appDir], {
    cwd: projectDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('next build of the empty app failed');
  const page = firstLoadJs(appDir).find((row) => row.route === '/');
  if (!page) throw new Error('the empty app has no / route in its bundle stats');
  return page;
}
