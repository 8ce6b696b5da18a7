import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every URL `app/` routes, read from the folders: route groups dropped, a dynamic segment
 * filled from `params` (by its name) or with a made-up id. Pages and route handlers, so a new
 * page is covered by the specs that walk them without anyone adding it to a list.
 */
export function appRoutes(
  options: { files?: string[]; params?: Record<string, string> } = {},
  dir = 'app',
  url = '',
): string[] {
  const files = options.files ?? ['page.tsx', 'route.ts'];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (!entry.isDirectory()) return files.includes(entry.name) ? [url || '/'] : [];
      const segment = entry.name;
      if (segment.startsWith('_') || segment.startsWith('@')) return [];
      const dynamic = /^\[(.+)\]$/.exec(segment)?.[1];
      const part = /^\(.*\)$/.test(segment)
        ? ''
        : dynamic
          ? `/${options.params?.[dynamic] ?? '00000000-0000-0000-0000-000000000000'}`
          : `/${segment}`;
      return appRoutes(options, join(dir, segment), `${url}${part}`);
    })
    .sort();
}
