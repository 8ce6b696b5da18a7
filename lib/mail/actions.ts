'use server';

import 'server-only';
import { z } from 'zod';
import { portalDeps } from '../portal/server-deps';
import { serverAction } from '../server-action/runner';
import { setMailPreferences } from './preferences';

/** The account page's switch for quota alerts and key reminders. */
export const mailPreferencesAction = serverAction({
  caller: 'user',
  returnTo: '/account',
  input: z.object({ optionalMail: z.enum(['on']).optional() }),
  run: async (user, { optionalMail }) => {
    await setMailPreferences(portalDeps(), user.sub, { optionalMail: optionalMail === 'on' });
    return optionalMail === 'on'
      ? 'Quota alerts and key reminders will be mailed to you.'
      : 'No more quota alerts or key reminders by mail. Mail about your access still comes.';
  },
  revalidate: ['/account'],
});
