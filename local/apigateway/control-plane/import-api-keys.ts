import { ApiGatewayError, badRequest } from '../errors';
import { parseCsv } from './csv';
import { created, type ControlHandler } from './request';
import { sharedStage } from './usage-plans';
import { addApiKey, keyRegistry } from './api-keys';
import type { ApiKey } from '../model/types';

const columns = ['name', 'key', 'description', 'enabled', 'usageplanids'] as const;

/**
 * ImportApiKeys in API Gateway's CSV format: a header row naming the columns Name, Key,
 * Description, Enabled and UsageplanIds (any order, case-insensitive; Key is required).
 * A bad row is a warning: with `failonwarnings=true` nothing is imported; otherwise the good
 * rows are.
 */
export const importApiKeys: ControlHandler = (request) => {
  const { ctx, query } = request;
  if (query.get('format') !== 'csv') throw badRequest('Invalid format: only csv is supported');
  const [header, ...rows] = parseCsv(request.rawBody.toString('utf8'));
  if (!header) throw badRequest('Invalid CSV: the file is empty');
  const positions = header.map((cell) => cell.trim().toLowerCase());
  const unknown = positions.filter((cell) => !(columns as readonly string[]).includes(cell));
  if (unknown.length > 0)
    throw badRequest(`Invalid CSV header: unknown column(s) ${unknown.join(', ')}`);
  if (!positions.includes('key'))
    throw badRequest('Invalid CSV header: the Key column is required');
  const cell = (row: string[], column: (typeof columns)[number]) => {
    const index = positions.indexOf(column);
    return index < 0 ? undefined : row[index]?.trim();
  };

  // Work on a copy so that failOnWarnings can discard everything.
  const draft = { ...ctx, state: structuredClone(ctx.state) };
  const registry = keyRegistry(draft);
  const ids: string[] = [];
  const warnings: string[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    // What this row added, to take back if a later check of the same row fails.
    let added: ApiKey | undefined;
    const planKeysBefore = draft.state.usagePlanKeys.length;
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
      const name = cell(row, 'name');
      const description = cell(row, 'description');
      const key = addApiKey(
        draft,
        {
          value: cell(row, 'key') ?? '',
          ...(name ? { name } : {}),
          ...(description ? { description } : {}),
          enabled: enabledText !== 'false',
        },
        registry,
      );
      added = key;
      for (const planId of planIds) {
        const plan = draft.state.usagePlans[planId];
        if (plan && sharedStage(draft, key.id, plan)) {
          throw badRequest(
            `The key would be in two usage plans covering the same API stage (${planId})`,
          );
        }
        draft.state.usagePlanKeys.push({ usagePlanId: planId, keyId: key.id });
      }
      ids.push(key.id);
    } catch (error) {
      if (!(error instanceof ApiGatewayError)) throw error;
      warnings.push(`Line ${line}: ${error.message}`);
      if (added) {
        delete draft.state.apiKeys[added.id];
        registry.count -= 1;
        registry.values.delete(added.value);
      }
      draft.state.usagePlanKeys.length = planKeysBefore;
    }
  });
  if (warnings.length > 0 && query.get('failonwarnings') === 'true') {
    throw badRequest(`Warnings found during import:\n\t${warnings.join('\n\t')}`);
  }
  ctx.state.apiKeys = draft.state.apiKeys;
  ctx.state.usagePlanKeys = draft.state.usagePlanKeys;
  ctx.changed();
  return created({ ids, ...(warnings.length > 0 ? { warnings } : {}) });
};
