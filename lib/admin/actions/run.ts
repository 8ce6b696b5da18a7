import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { requireAdmin, type CurrentUser } from '../../auth/session';
import { actionError, type ActionResult } from '../../portal/action-result';
import { forgetAdminData } from '../directory';

const invalid = (error: z.ZodError): ActionResult => ({
  status: 'error',
  message: error.issues[0]?.message ?? 'That request was not valid.',
});

/**
 * The one way an admin server action runs: the session is checked first (never trusting the
 * form for who acts), the form is validated with zod, then the change is made, the admin
 * caches are dropped and the admin pages re-rendered.
 */
export async function runAdminAction<Schema extends z.ZodType>(
  form: FormData,
  schema: Schema,
  change: (admin: CurrentUser, input: z.output<Schema>) => Promise<string>,
  options: { returnTo: string; plans?: boolean } = { returnTo: '/admin' },
): Promise<ActionResult> {
  const admin = await requireAdmin(options.returnTo);
  const input = schema.safeParse(Object.fromEntries(form.entries()));
  if (!input.success) return invalid(input.error);
  try {
    const message = await change(admin, input.data);
    return { status: 'success', message };
  } catch (error) {
    return actionError(error);
  } finally {
    forgetAdminData({ plans: options.plans });
    // Plans show on the public pages too (plans page, catalog, docs).
    revalidatePath(options.plans ? '/' : '/admin', 'layout');
  }
}
