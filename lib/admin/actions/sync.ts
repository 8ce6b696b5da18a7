'use server';

import 'server-only';
import { z } from 'zod';
import { syncReadModel } from '../../gateway/sync';
import { serverAction } from '../../server-action/runner';
import { planPages } from '../revalidation';
import { adminDeps } from '../server-deps';
import { describeSyncRun } from '../sync-summary';

/** "Sync now": repairs the read model from API Gateway and lists what it changed. */
export const syncNowAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/customers',
  input: z.object({}),
  run: async () => describeSyncRun(await syncReadModel(adminDeps(), 'admin')),
  // A sync can change plans and APIs, which the public pages show too.
  revalidate: planPages,
});
