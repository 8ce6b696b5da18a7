import { ApiGatewayError, badRequest } from '../errors';
import type { ApiKey, UsagePlanKey } from '../model/types';
import { addApiKey, keyRegistry } from './api-keys';
import { csvRows } from './csv';
import { epochSeconds } from './lookup';
import { created, type ControlHandler } from './request';
import { sharedStage } from './usage-plans';

/** The columns API Gateway reads, lower-cased; any other column is ignored. */
type Column = 'name' | 'key' | 'description' | 'enabled' | 'usageplanids';

/**
 * ImportApiKeys in API Gateway's key file format (developerguide/api-key-file-format): a CSV
 * whose header names the columns Name and Key, optionally Description, Enabled and
 * UsagePlanIds, in any order and case; other columns are ignored. Enabled defaults to true.
 * A key value already present overwrites that key ("the most recent version overwriting the
 * previous one"). A bad row is a warning: with `failonwarnings=true` nothing is imported;
 * otherwise the good rows are.
 */
export const importApiKeys: ControlHandler = (request) => {
  const { ctx, query } = request;
  if (query.get('format') !== 'csv') throw badRequest('Invalid format: only csv is supported');
  const [header, ...rows] = csvRows(request.rawBody.toString('utf8'));
  if (!header) throw badRequest('Invalid CSV: the file is empty');
  const positions = header.map((cell) => cell.trim().toLowerCase());
  for (const required of ['name', 'key'] as const) {
    if (!positions.includes(required)) {
      throw badRequest('Invalid CSV header: the Name and Key columns are required');
    }
  }
  const cell = (row: string[], column: Column) => {
    const index = positions.indexOf(column);
    return index < 0 ? undefined : row[index]?.trim();
  };

  // Work on a copy so that failOnWarnings can discard everything. Only the key map and the link
  // list are written here, and their records are replaced, never changed in place: copying
  // those two (not the whole state, usage and deployments included) is enough, and keys the
  // file leaves alone stay the very records the data plane's index holds.
  const draft = {
    ...ctx,
    state: {
      ...ctx.state,
      apiKeys: { ...ctx.state.apiKeys },
      usagePlanKeys: [...ctx.state.usagePlanKeys],
    },
  };
  const registry = keyRegistry(draft);
  const byValue = new Map(Object.values(draft.state.apiKeys).map((key) => [key.value, key]));
  // The plans of each key, kept here so each row costs the same however many keys there are.
  const plansOfKey = new Map<string, Set<string>>();
  for (const { keyId, usagePlanId } of draft.state.usagePlanKeys) {
    plansOfKey.set(keyId, (plansOfKey.get(keyId) ?? new Set()).add(usagePlanId));
  }
  const ids = new Set<string>();
  const linked: UsagePlanKey[] = [];
  const warnings: string[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    // How to take this row back if a later check of the same row fails.
    let undo: (() => void) | undefined;
    const planKeysBefore = draft.state.usagePlanKeys.length;
    const linkedNow: { keyId: string; usagePlanId: string }[] = [];
    try {
      const enabledText = cell(row, 'enabled')?.toLowerCase();
      if (enabledText && enabledText !== 'true' && enabledText !== 'false') {
        throw badRequest(`Enabled must be true or false, got ${enabledText}`);
      }
      const planIds = (cell(row, 'usageplanids') ?? '')
        .split(/[,;]/)
        .map((id) => id.trim())
        .filter(Boolean);
      for (const planId of planIds) {
        if (!draft.state.usagePlans[planId]) throw badRequest(`Unknown usage plan ${planId}`);
      }
      const value = cell(row, 'key') ?? '';
      const name = cell(row, 'name');
      const description = cell(row, 'description');
      const enabled = enabledText !== 'false';
      const existing = byValue.get(value);
      let key: ApiKey;
      if (existing) {
        // The row replaces the key's fields; an empty cell means the default (no description).
        const { description: _previous, ...kept } = existing;
        key = {
          ...kept,
          name: name || existing.name,
          ...(description ? { description } : {}),
          enabled,
          lastUpdatedDate: epochSeconds(ctx),
        };
        draft.state.apiKeys[key.id] = key;
        byValue.set(value, key);
        undo = () => {
          draft.state.apiKeys[existing.id] = existing;
          byValue.set(value, existing);
        };
      } else {
        key = addApiKey(
          draft,
          { value, ...(name ? { name } : {}), ...(description ? { description } : {}), enabled },
          registry,
        );
        byValue.set(value, key);
        const added = key;
        undo = () => {
          delete draft.state.apiKeys[added.id];
          byValue.delete(value);
          registry.count -= 1;
          registry.values.delete(value);
        };
      }
      const keyPlans = plansOfKey.get(key.id) ?? new Set<string>();
      plansOfKey.set(key.id, keyPlans);
      for (const planId of planIds) {
        const plan = draft.state.usagePlans[planId];
        if (!plan || keyPlans.has(planId)) continue;
        if (sharedStage(draft, key.id, plan, keyPlans)) {
          throw badRequest(
            `The key would be in two usage plans covering the same API stage (${planId})`,
          );
        }
        const link = { usagePlanId: planId, keyId: key.id };
        draft.state.usagePlanKeys.push(link);
        keyPlans.add(planId);
        linkedNow.push(link);
      }
      ids.add(key.id);
      linked.push(...linkedNow);
    } catch (error) {
      if (!(error instanceof ApiGatewayError)) throw error;
      warnings.push(`Line ${line}: ${error.message}`);
      undo?.();
      draft.state.usagePlanKeys.length = planKeysBefore;
      for (const { keyId, usagePlanId } of linkedNow) plansOfKey.get(keyId)?.delete(usagePlanId);
    }
  });
  if (warnings.length > 0 && query.get('failonwarnings') === 'true') {
    throw badRequest(`Warnings found during import:\n\t${warnings.join('\n\t')}`);
  }
  ctx.state.apiKeys = draft.state.apiKeys;
  ctx.state.usagePlanKeys = draft.state.usagePlanKeys;
  ctx.changed({ apiKeys: [...ids], linked });
  return created({ ids: [...ids], ...(warnings.length > 0 ? { warnings } : {}) });
};
