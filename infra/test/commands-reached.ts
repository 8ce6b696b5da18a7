import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every AWS SDK command the given sources construct (`new XCommand`), sorted. */
export function commandsSentBy(files: string[]): string[] {
  const names = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/new ([A-Z][A-Za-z]+)Command\b/g)].map((m) => m[1]!),
  );
  return [...new Set(names)].sort();
}

/**
 * The commands in every source file an esbuild bundle of `entries` takes in: the files a
 * function's code can reach, as its Lambda bundle would (type-only imports excluded).
 * Packages stay external: the portal's own files are where commands are sent.
 */
export function commandsReachedFrom(entries: string[]): string[] {
  const { metafile } = buildSync({
    entryPoints: entries.map((entry) => join(repositoryRoot, entry)),
    absWorkingDir: repositoryRoot,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    outdir: join(repositoryRoot, '.reached'),
    loader: { '.css': 'empty' },
    logLevel: 'error',
  });
  return commandsSentBy(Object.keys(metafile.inputs).map((input) => join(repositoryRoot, input)));
}

/** The server's own code: every route, page and action under app/, the proxy and instrumentation. */
export function serverEntries(): string[] {
  const app = readdirSync(join(repositoryRoot, 'app'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\./.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(repositoryRoot.length));
  return [...app, 'proxy.ts', 'instrumentation.ts'];
}
