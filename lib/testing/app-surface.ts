import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What the app exposes, read from the filesystem so that moving files between route groups
 * changes nothing and a new route or server action shows up by itself: every page and route
 * handler as its URL pattern, and every server action as its module and export name.
 */
const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return [path];
  });
}

export interface AppRoute {
  /** `/admin/customers/[sub]`: route groups dropped, dynamic segments kept. */
  pattern: string;
  kind: 'page' | 'route';
  file: string;
}

export function appRoutes(): AppRoute[] {
  return filesUnder('app')
    .filter((file) => /(^|[\\/])(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const segments = relative('app', file).split(sep).slice(0, -1);
      const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment));
      return {
        pattern: `/${visible.join('/')}`,
        kind: file.endsWith('route.ts') ? ('route' as const) : ('page' as const),
        file,
      };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export interface ServerActionModule {
  file: string;
  exports: string[];
}

const directive = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*['"]use server['"]/;

/** Modules whose first statement is 'use server': every export is a callable action. */
export function serverActionModules(): ServerActionModule[] {
  return sourceFiles()
    .filter((file) => directive.test(readFileSync(join(root, file), 'utf8')))
    .map((file) => ({
      file,
      exports: [
        ...readFileSync(join(root, file), 'utf8').matchAll(
          /^export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/gm,
        ),
      ]
        .map((match) => match[1] ?? '')
        .sort(),
    }));
}

/** Files with a 'use server' that is not their first statement (an inline action). */
export function inlineServerActions(): string[] {
  return sourceFiles().filter((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return /['"]use server['"]/.test(text) && !directive.test(text);
  });
}

function sourceFiles(): string[] {
  return ['app', 'lib', 'components']
    .flatMap(filesUnder)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => !file.startsWith(join('lib', 'testing')));
}
