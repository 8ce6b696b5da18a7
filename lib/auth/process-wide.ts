/**
 * State shared by everything in this server process. Next bundles pages and route handlers
 * into separate module layers, so a plain module-level Map exists once per layer: an account
 * disabled through a page's server action would still look active to a route handler. Keeping
 * the map on globalThis under a registered symbol gives the process one copy.
 */
export function processWide<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`portico.${name}`);
  store[key] ??= create();
  return store[key];
}
