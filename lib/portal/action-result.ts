import { CustomerBusyError } from '../store/customer-lock';
import { PortalError } from './errors';
import { MoveFailedError } from './move';

/** What a portal server action tells the page: a message either way, for `aria-live`. */
export type ActionResult =
  | { status: 'idle' }
  | { status: 'success'; message: string; secret?: string }
  | { status: 'error'; message: string };

export const idle: ActionResult = { status: 'idle' };

/** Refusals meant for people are shown as they are; anything else is logged and apologised for. */
export function actionError(error: unknown): ActionResult {
  if (
    error instanceof PortalError ||
    error instanceof CustomerBusyError ||
    error instanceof MoveFailedError
  ) {
    return { status: 'error', message: error.message };
  }
  console.error('[portal] action failed', error);
  return {
    status: 'error',
    message: 'Something went wrong on our side and nothing was changed. Please try again.',
  };
}
