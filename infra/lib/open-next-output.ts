import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of OpenNext's build output (`.open-next/`) the stack deploys. */
export interface OpenNextOutput {
  /** Hashed JS/CSS and other public files, served from S3 by CloudFront. */
  assetsDir: string;
  /** Pages prerendered at build time, read by the server through the S3 incremental cache. */
  cacheDir: string;
  /** The server function: OpenNext's `index.mjs` and the Next.js server it wraps. */
  serverDir: string;
  placeholder: boolean;
}

export function openNextOutput(root: string): OpenNextOutput {
  return {
    assetsDir: join(root, 'assets'),
    cacheDir: join(root, 'cache'),
    serverDir: join(root, 'server-functions', 'default'),
    placeholder: false,
  };
}

export function hasOpenNextBuild(root: string): boolean {
  return existsSync(join(openNextOutput(root).serverDir, 'index.mjs'));
}

/**
 * A stand-in with the same shape, so the template can be synthesized (and tested) without
 * building the portal first. Its server only says so: the stack refuses to use it unless
 * asked to (`-c allowMissingBuild=true`), so it never reaches a deploy by accident.
 */
export function writePlaceholderOutput(root: string): OpenNextOutput {
  const output = { ...openNextOutput(root), placeholder: true };
  for (const dir of [output.assetsDir, output.cacheDir, output.serverDir]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(output.assetsDir, 'BUILD_ID'), 'placeholder\n');
  writeFileSync(join(output.cacheDir, '.keep'), '');
  writeFileSync(
    join(output.serverDir, 'index.mjs'),
    [
      '// Placeholder written by infra/ when synthesizing without `npm run build:portal`.',
      'export const handler = async () => ({',
      '  statusCode: 503,',
      "  body: 'Portico was deployed without its OpenNext build: run npm run deploy.',",
      '});',
      '',
    ].join('\n'),
  );
  return output;
}
