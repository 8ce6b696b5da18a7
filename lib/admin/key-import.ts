import { activeKey, customerKeyName, keyTagNames, type Customer } from '../gateway/customer-keys';
import {
  deleteKey,
  importKeys,
  listKeys,
  listKeysWithValues,
  setKeyCustomer,
  tagKey,
} from '../gateway/keys';
import type { GatewayKey } from '../gateway/types';
import { fetchPlans } from '../gateway/usage-plans';
import { requireEnabledAccount } from '../portal/account-state';
import { PortalError } from '../portal/errors';
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
 * Imports every row or none: the file is checked again (a preview may be stale), sent to
 * ImportApiKeys with failOnWarnings (API Gateway's own all-or-nothing), and if linking a key to
 * its customer then fails, every imported key is deleted again.
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
  const ids = await importKeys(deps, keyFileFor(named));
  const linkedRows = named.flatMap((row) =>
    row.customer ? [{ customer: row.customer, name: row.name }] : [],
  );
  try {
    for (const row of linkedRows) await linkKey(deps, admin, new Set(ids), row.customer, row.name);
  } catch (error) {
    await Promise.allSettled(ids.map((keyId) => deleteKey(deps, keyId)));
    throw error;
  }
  await recordAudit(deps, {
    actor: admin,
    customerSub: 'import',
    action: 'key.imported',
    details: { keys: String(ids.length), linked: String(linkedRows.length) },
  });
  return { imported: ids.length, linked: linkedRows.length };
}

async function linkKey(
  deps: AdminDeps,
  admin: Customer,
  imported: ReadonlySet<string>,
  customer: { sub: string; email: string },
  fileName: string,
): Promise<void> {
  // The file was checked a moment ago; the account may have been disabled since.
  await requireEnabledAccount(deps, customer.sub, {
    disabled: `${customer.email}'s account was disabled meanwhile: nothing was imported.`,
    deleted: `${customer.email}'s account was deleted meanwhile: nothing was imported.`,
  });
  const name = customerKeyName(customer.sub);
  const candidates = await listKeys(deps.apiGateway, { namePrefix: name });
  const key = candidates.find((candidate) => candidate.name === name && imported.has(candidate.id));
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
