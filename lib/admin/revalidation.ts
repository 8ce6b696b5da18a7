import 'server-only';
import type { Revalidation } from '../server-action/runner';
import { forgetAdminData } from './directory';

/** After an admin change: the admin caches are dropped and every admin page re-rendered. */
export const adminPages: Revalidation[] = [() => forgetAdminData(), { layout: '/admin' }];

/** Plans also show on the public pages (plans page, catalog, docs). */
export const planPages: Revalidation[] = [() => forgetAdminData({ plans: true }), { layout: '/' }];
