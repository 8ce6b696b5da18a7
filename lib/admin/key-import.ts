import { activeKey, customerKeyName, keyTagNames, type Customer } from '../gateway/customer-keys';
import {
  deleteKey,
  importKeys,
  keyIdsWithValues,
  listKeysWithValues,
  recordImportedKeys,
  setKeyCustomer,
  tagKey,
} from '../gateway/keys';
import type { GatewayKey } from '../gateway/types';
import { fetchPlans } from '../gateway/usage-plans';
import { requireEnabledAccount } from '../portal/account-state';
import { PortalError } from '../portal/errors';
import { UndoLog } from '../portal/undo';
import { recordAudit } from '../store/audit';
import { listAllUsers } from './cognito-users';
import type { AdminDeps } from './deps';
import { toPlanSummary } from './directory-model';
import {
  checkKeyFile,
  keyFileFor,
  type ImportContext,
  type ImportProblem,
  type ImportRow,
} from './key-import-csv';

/**
 * What a key file is checked against, in batches: GetUsagePlans and GetApiKeys (with values, to
 * catch a value that would overwrite an existing key; they never leave this function) per 500,
 * ListUsers per 60 — never a call per row.
 */
async function importContext(deps: AdminDeps): Promise<ImportContext> {
  const [plans, { keys, values }, users] = await Promise.all([
    fetchPlans(deps.apiGateway),
    listKeysWithValues(deps.apiGateway),
    listAllUsers(deps),
  ]);
  const keysByCustomer = new Map<string, GatewayKey[]>();
  for (const key of keys) {
    if (key.customerId)
      keysByCustomer.set(key.customerId, [...(keysByCustomer.get(key.customerId) ?? []), key]);
  }
  return {
    plans: plans.map(toPlanSummary),
    existingValues: values,
    customers: new Map(
      users.map((user) => [
        user.email.toLowerCase(),
        {
          sub: user.sub,
          email: user.email,
          hasActiveKey: Boolean(activeKey(keysByCustomer.get(user.sub) ?? [])),
          disabled: user.status === 'disabled',
        },
      ]),
    ),
  };
}

export interface ImportPreview {
  rows: Omit<ImportRow, 'value'>[];
  problems: ImportProblem[];
}

/** The dry run: every problem by line, and the rows that would be imported (without values). */
export async function previewKeyImport(deps: AdminDeps, text: string): Promise<ImportPreview> {
  const { rows, problems } = checkKeyFile(text, await importContext(deps));
  return { rows: rows.map(({ value: _value, ...row }) => row), problems };
}

/**
 * Imports every row or none: the file is checked again (a preview may be stale) and sent to
 * ImportApiKeys with failOnWarnings (API Gateway's own all-or-nothing). If any later step fails
 * (recording the keys, linking one to its customer, the audit), every imported key is deleted
 * again; a key that cannot be deleted is recorded for the next sync to delete.
 */
export async function importKeyFile(
  deps: AdminDeps,
  admin: Customer,
  text: string,
): Promise<{ imported: number; linked: number }> {
  const { rows, problems } = checkKeyFile(text, await importContext(deps));
  if (problems.length > 0) {
    throw new PortalError(
      `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}: preview it to see them. Nothing was imported.`,
      'invalid',
    );
  }
  // A linked key is named like the portal's own keys, so the customer's pages find it.
  const named = rows.map((row) => ({
    ...row,
    importName: row.customer ? customerKeyName(row.customer.sub) : row.name,
  }));
  const undo = new UndoLog();
  try {
    const ids = await sendKeyFile(
      deps,
      keyFileFor(named),
      undo,
      rows.map((row) => row.value),
    );
    const keys = await recordImportedKeys(
      deps,
      ids,
      new Map(rows.map((row) => [row.value, row.planIds])),
    );
    const linkedRows = named.flatMap((row) =>
      row.customer ? [{ customer: row.customer, name: row.name }] : [],
    );
    for (const row of linkedRows) await linkKey(deps, admin, keys, row.customer, row.name);
    await recordAudit(deps, {
      actor: admin,
      customerSub: 'import',
      action: 'key.imported',
      details: { keys: String(ids.length), linked: String(linkedRows.length) },
    });
    return { imported: ids.length, linked: linkedRows.length };
  } catch (error) {
    const undone = await undo.rollback(deps);
    if (error instanceof PortalError) throw error;
    console.error('[key import] failed', error);
    throw new PortalError(
      undone
        ? 'The import failed and nothing was imported. Please try again.'
        : 'The import failed. Some imported keys could not be removed yet: they are recorded, and the next sync removes them. Try again after it.',
      'failed',
      { cause: error },
    );
  }
}

/**
 * ImportApiKeys, each created key pushed on `undo`. Its answer may be lost after the keys were
 * made: then they are found by the file's values (checked a moment ago to be new) and pushed.
 */
async function sendKeyFile(
  deps: AdminDeps,
  csv: string,
  undo: UndoLog,
  values: string[],
): Promise<string[]> {
  const undoImport = (keyId: string) =>
    undo.push(() => deleteKey(deps, keyId), {
      kind: 'delete-key',
      keyId,
      customerSub: 'import',
      reason: 'a key import failed',
    });
  try {
    const ids = await importKeys(deps, csv);
    ids.forEach(undoImport);
    return ids;
  } catch (error) {
    (await keyIdsWithValues(deps.apiGateway, values)).forEach(undoImport);
    throw error;
  }
}

async function linkKey(
  deps: AdminDeps,
  admin: Customer,
  imported: readonly GatewayKey[],
  customer: { sub: string; email: string },
  fileName: string,
): Promise<void> {
  // The file was checked a moment ago; the account may have been disabled since.
  await requireEnabledAccount(deps, customer.sub, {
    disabled: `${customer.email}'s account was disabled meanwhile: nothing was imported.`,
    deleted: `${customer.email}'s account was deleted meanwhile: nothing was imported.`,
  });
  const name = customerKeyName(customer.sub);
  const key = imported.find((candidate) => candidate.name === name);
  if (!key) throw new Error(`the imported key of ${customer.email} was not found`);
  await setKeyCustomer(deps, key.id, customer.sub);
  await tagKey(deps, key.id, { [keyTagNames.customer]: customer.sub });
  await recordAudit(deps, {
    actor: admin,
    customerSub: customer.sub,
    action: 'key.imported',
    details: { keyId: key.id, name: fileName },
  });
}
