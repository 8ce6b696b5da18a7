'use server';

import 'server-only';
import { z } from 'zod';
import { portalDeps } from '../../portal/server-deps';
import { serverAction } from '../../server-action/runner';
import { refreshOwnUsage, type RefreshOutcome } from '../refresh';

const messages: Record<RefreshOutcome, string> = {
  refreshed: 'Your usage figures were updated just now.',
  'no-plans': 'You have no key in a plan yet, so there is no usage to update.',
  'too-soon': 'Your usage figures were updated less than 5 minutes ago. Try again in a moment.',
};

/** "Refresh now" on the usage page: the caller's own figures, at most once per 5 minutes. */
export const refreshUsageAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard/usage',
  input: z.object({}),
  run: async (user) => messages[await refreshOwnUsage(portalDeps(), user.sub)],
  revalidate: ['/dashboard/usage'],
});
