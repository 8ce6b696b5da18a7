'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireAdmin } from '../../auth/session';
import { actionError, type ActionResult } from '../../portal/action-result';
import { bulkDisableKeys, maxBulkKeys } from '../bulk-disable';
import { forgetAdminData } from '../directory';
import type { ImportState } from '../import-state';
import { importKeyFile, previewKeyImport } from '../key-import';
import { gatewayIdSchema, reasonSchema } from '../schemas';
import { adminDeps } from '../server-deps';

const importInput = z.object({
  intent: z.enum(['preview', 'import']),
  csv: z
    .string()
    .min(1, 'Paste the CSV or choose a file first.')
    .max(1_000_000, 'The file is over 1 MB: split it into smaller files.'),
});

/** The dry run and the import share one form: `intent` says which button was pressed. */
export async function importKeysAction(_state: ImportState, form: FormData): Promise<ImportState> {
  const admin = await requireAdmin('/admin/keys/import');
  const input = importInput.safeParse(Object.fromEntries(form.entries()));
  if (!input.success) {
    return { status: 'error', message: input.error.issues[0]?.message ?? 'Invalid request.' };
  }
  try {
    if (input.data.intent === 'preview') {
      return { status: 'preview', preview: await previewKeyImport(adminDeps(), input.data.csv) };
    }
    const { imported, linked } = await importKeyFile(adminDeps(), admin, input.data.csv);
    forgetAdminData();
    revalidatePath('/admin', 'layout');
    return {
      status: 'success',
      message: `Imported ${imported} key${imported === 1 ? '' : 's'}${linked > 0 ? `, ${linked} linked to customers` : ''}.`,
    };
  } catch (error) {
    const result = actionError(error);
    return { status: 'error', message: result.status === 'error' ? result.message : 'Failed.' };
  }
}

const bulkInput = z.object({
  keyIds: z
    .array(gatewayIdSchema)
    .min(1, 'Choose at least one key.')
    .max(maxBulkKeys, `Choose at most ${maxBulkKeys} keys at a time.`),
  reason: reasonSchema,
});

export async function bulkDisableAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const admin = await requireAdmin('/admin/keys');
  const input = bulkInput.safeParse({ keyIds: form.getAll('keyId'), reason: form.get('reason') });
  if (!input.success) {
    return {
      status: 'error',
      message: input.error.issues[0]?.message ?? 'Invalid request.',
    } as const;
  }
  try {
    const { disabled, skipped } = await bulkDisableKeys(
      adminDeps(),
      admin,
      input.data.keyIds,
      input.data.reason,
    );
    return {
      status: 'success',
      message: `Disabled ${disabled} key${disabled === 1 ? '' : 's'}${skipped > 0 ? ` (${skipped} already disabled or gone)` : ''}.`,
    };
  } catch (error) {
    return actionError(error);
  } finally {
    forgetAdminData();
    revalidatePath('/admin', 'layout');
  }
}
