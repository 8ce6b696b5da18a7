'use server';

import 'server-only';
import { z } from 'zod';
import { config } from '../config';
import { PortalError } from '../portal/errors';
import { portalDeps } from '../portal/server-deps';
import { serverAction } from '../server-action/runner';
import { setMailPreferences } from './preferences';
import { checkUnsubscribeToken } from './unsubscribe-token';

/**
 * The unsubscribe link works signed out: the signed, expiring token says whose mail it is,
 * and the form (a POST) makes the change, so a mail scanner following the link changes nothing.
 */
export const unsubscribeMailAction = serverAction({
  caller: 'anyone',
  input: z.object({ token: z.string().min(10).max(300) }),
  run: async (_nobody, { token }) => {
    const deps = portalDeps();
    const check = checkUnsubscribeToken(config().auth.secret, token, deps.now());
    if (!check.ok)
      throw new PortalError(
        check.reason === 'expired'
          ? 'This link has expired. Sign in and change your mail settings on your account page.'
          : 'This link is not valid. Sign in and change your mail settings on your account page.',
        'invalid',
      );
    await setMailPreferences(deps, check.sub, { optionalMail: false });
    return 'Done: no more quota alerts or key reminders. Mail about your access still comes.';
  },
});
