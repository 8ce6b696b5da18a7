import 'server-only';
import type { Revalidation } from '../server-action/runner';
import { forgetAdminData } from './directory';

/**
 * The pages anonymous visitors get from cache (app/cached: catalog, docs, plans, guides,
 * llms.txt): rendered again on their next visit. They also expire on their own (their TTL),
 * which is what brings a scheduled sync's changes: it runs outside the portal's process.
 */
export const publicPages: Revalidation[] = [
  { layout: '/cached/[audience]' },
  // A route handler is not under the layout's tag: named by its path.
  '/cached/public/llms.txt',
];

/** After an admin change: the admin caches are dropped and every admin page re-rendered. */
export const adminPages: Revalidation[] = [() => forgetAdminData(), { layout: '/admin' }];

/** Plans also show on the public pages (plans page, catalog, docs): every page, cached too. */
export const planPages: Revalidation[] = [
  () => forgetAdminData({ plans: true }),
  { layout: '/' },
  ...publicPages,
];
