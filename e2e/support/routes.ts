import { appRoutes } from '../../lib/testing/app-surface';

/**
 * The URLs of every page (or also every route handler) under `app/`: a route named in
 * `samples` (by its pattern) is visited there, other dynamic segments are filled from `params`
 * by name or with a made-up id. A new page is covered by the specs that walk them without
 * anyone adding it to a list.
 */
export function appUrls(
  options: {
    pagesOnly?: boolean;
    params?: Record<string, string>;
    samples?: Record<string, string>;
  } = {},
): string[] {
  return appRoutes()
    .filter((route) => !options.pagesOnly || route.kind === 'page')
    .map(
      (route) =>
        options.samples?.[route.pattern] ??
        route.pattern.replace(
          /\[([^\]]+)\]/g,
          (_, name: string) => options.params?.[name] ?? '00000000-0000-0000-0000-000000000000',
        ),
    );
}
