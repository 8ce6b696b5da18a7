import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

/**
 * Reads the production build the e2e server runs: swagger-ui's chunk may only be reachable
 * from the docs page, through its lazy loader, so no other page ships or loads it.
 */
const chunksDir = join('.next', 'static', 'chunks');
const appDir = join('.next', 'server', 'app');

const chunks = () => readdirSync(chunksDir).filter((name) => name.endsWith('.js'));
const read = (path: string) => readFileSync(path, 'utf8');

function manifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return manifests(path);
    return entry.name === 'page_client-reference-manifest.js' ? [path] : [];
  });
}

test('only the API docs page can load swagger-ui', () => {
  const swaggerChunks = chunks().filter((name) =>
    read(join(chunksDir, name)).includes('swagger-ui'),
  );
  expect(swaggerChunks.length).toBeGreaterThan(0);
  // A chunk naming a swagger chunk file (its loader), or a swagger chunk itself.
  const reaching = new Set([
    ...swaggerChunks,
    ...chunks().filter((name) =>
      swaggerChunks.some(
        (swagger) => name !== swagger && read(join(chunksDir, name)).includes(swagger),
      ),
    ),
  ]);
  const pages = manifests(appDir).filter((manifest) =>
    [...reaching].some((chunk) => read(manifest).includes(chunk)),
  );
  // The docs page, per visitor and as anonymous visitors get it from cache.
  expect(pages.map((page) => page.replace(`${appDir}/`, '')).sort()).toEqual([
    '(docs)/apis/[slug]/page_client-reference-manifest.js',
    'cached/[audience]/apis/[slug]/page_client-reference-manifest.js',
  ]);
});
