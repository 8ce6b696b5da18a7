'use server';

import 'server-only';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import { config } from '../config';
import { actionError, type ActionResult } from '../portal/action-result';
import { portalDeps } from '../portal/server-deps';
import { setMailPreferences } from './preferences';
import { checkUnsubscribeToken } from './unsubscribe-token';

const preferencesInput = z.object({ optionalMail: z.enum(['on']).optional() });

/** The account page's switch for quota alerts and key reminders. */
export async function mailPreferencesAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const user = await requireUser('/account');
  const input = preferencesInput.safeParse({ optionalMail: form.get('optionalMail') ?? undefined });
  if (!input.success) return { status: 'error', message: 'That choice was not understood.' };
  try {
    const optionalMail = input.data.optionalMail === 'on';
    await setMailPreferences(portalDeps(), user.sub, { optionalMail });
    return {
      status: 'success',
      message: optionalMail
        ? 'Quota alerts and key reminders will be mailed to you.'
        : 'No more quota alerts or key reminders by mail. Mail about your access still comes.',
    };
  } catch (error) {
    return actionError(error);
  }
}

const tokenInput = z.object({ token: z.string().min(10).max(300) });

/**
 * The unsubscribe link works signed out: the signed, expiring token says whose mail it is,
 * and the form (a POST) makes the change, so a mail scanner following the link changes nothing.
 */
export async function unsubscribeAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const input = tokenInput.safeParse({ token: form.get('token') });
  const deps = portalDeps();
  const check = input.success
    ? checkUnsubscribeToken(config().auth.secret, input.data.token, deps.now())
    : ({ ok: false, reason: 'invalid' } as const);
  if (!check.ok)
    return {
      status: 'error',
      message:
        check.reason === 'expired'
          ? 'This link has expired. Sign in and change your mail settings on your account page.'
          : 'This link is not valid. Sign in and change your mail settings on your account page.',
    };
  try {
    await setMailPreferences(deps, check.sub, { optionalMail: false });
    return {
      status: 'success',
      message: 'Done: no more quota alerts or key reminders. Mail about your access still comes.',
    };
  } catch (error) {
    return actionError(error);
  }
}
