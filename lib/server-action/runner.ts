import 'server-only';
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { requireAdmin, requireUser, type CurrentUser } from '../auth/session';
import { failureOf } from './refusals';
import { publicValues, type ActionFailure, type ActionResult, type Settled } from './result';

/** Who may call an action; checked before the form is read. */
export type Caller = 'anyone' | 'user' | 'admin';

/** A page to re-render (a layout and everything under it), or an in-process cache to drop. */
export type Revalidation = string | { layout: string } | (() => void);

type Who<C extends Caller> = C extends 'anyone' ? null : CurrentUser;

export type ActionDefinition<C extends Caller, Schema extends z.ZodType, Data> = {
  caller: C;
  /** Where a signed-out caller is brought back to after signing in. */
  returnTo?: string;
  input: Schema;
  /** How the form becomes the schema's input; by default its fields by name. */
  read?: (form: FormData) => unknown;
  /** The use case: answers a success message, or a full result. */
  run: (who: Who<C>, input: z.output<Schema>) => Promise<string | Settled<Data>>;
  /** Refreshed once the use case ran, even if it failed: a failure may have changed some of it. */
  revalidate?: readonly Revalidation[];
  /** Echo the non-secret fields with any error, so the form keeps what was typed. */
  keepValues?: boolean;
};

/** A server action: what a form's `action` (through useActionState) or a button calls. */
export type ServerAction<Data = undefined> = (
  state?: ActionResult<Data>,
  form?: FormData,
) => Promise<ActionResult<Data>>;

/**
 * The one way a server action runs: the caller is checked first (from the session, never the
 * form), the form is validated with zod, the use case runs, the pages it changed are
 * revalidated, and the outcome comes back as one ActionResult. Redirects and 403s thrown by
 * the guard or the use case pass through.
 */
export function serverAction<C extends Caller, Schema extends z.ZodType, Data = undefined>(
  definition: ActionDefinition<C, Schema, Data>,
): ServerAction<Data> {
  return async (_state, form = new FormData()) => {
    const who = await authorize(definition.caller, definition.returnTo);
    const echo = (failure: ActionFailure): ActionFailure =>
      definition.keepValues ? { ...failure, values: publicValues(form) } : failure;
    const input = definition.input.safeParse((definition.read ?? fieldsOf)(form));
    if (!input.success) return echo(invalid(input.error));
    try {
      const outcome = await definition.run(who as Who<C>, input.data);
      if (typeof outcome === 'string') return { status: 'success', message: outcome };
      return outcome.status === 'error' ? echo(outcome) : outcome;
    } catch (error) {
      unstable_rethrow(error);
      return echo(failureOf(error));
    } finally {
      definition.revalidate?.forEach(revalidate);
    }
  };
}

async function authorize(caller: Caller, returnTo?: string): Promise<CurrentUser | null> {
  if (caller === 'admin') return requireAdmin(returnTo);
  if (caller === 'user') return requireUser(returnTo);
  return null;
}

const fieldsOf = (form: FormData) => Object.fromEntries(form.entries());

/** The first problem as the message, and every problem next to its field. */
function invalid(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return {
    status: 'error',
    message: error.issues[0]?.message ?? 'That form was not valid.',
    fieldErrors,
  };
}

function revalidate(target: Revalidation): void {
  if (typeof target === 'function') target();
  else if (typeof target === 'string') revalidatePath(target);
  else revalidatePath(target.layout, 'layout');
}
