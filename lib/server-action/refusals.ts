import 'server-only';
import { CatalogAdminError } from '../catalog-admin/catalog-admin';
import { PortalError } from '../portal/errors';
import { MoveFailedError } from '../portal/move';
import { CustomerBusyError } from '../store/customer-lock';
import { SyncRunningError } from '../store/sync-lock';
import type { ActionFailure } from './result';

/** Errors written for people: their message is shown as it is. */
const refusals = [
  PortalError,
  CustomerBusyError,
  MoveFailedError,
  CatalogAdminError,
  SyncRunningError,
];

const apology = 'Something went wrong on our side and nothing was changed. Please try again.';

/** A refusal is shown as it is; anything else is logged and apologised for. */
export function failureOf(error: unknown): ActionFailure {
  if (refusals.some((refusal) => error instanceof refusal)) {
    return { status: 'error', message: (error as Error).message };
  }
  console.error('[action] failed', error);
  return { status: 'error', message: apology };
}
