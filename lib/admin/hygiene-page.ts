import 'server-only';
import { z } from 'zod';
import { loadDirectory } from './directory';
import {
  filterHygiene,
  hygieneReasonSchema,
  hygieneReport,
  type HygieneEntry,
  type HygieneReason,
} from './hygiene';
import { adminDeps } from './server-deps';

const reasonParam = z
  .preprocess((value) => (Array.isArray(value) ? value[0] : value), hygieneReasonSchema.optional())
  .catch(undefined);

export interface HygieneView {
  reason?: HygieneReason;
  /** The customer directory was never reconciled with the pool: some owners are unknown. */
  unreconciled: boolean;
  /** Undefined when Cognito or API Gateway failed. */
  entries?: HygieneEntry[];
  counts: Partial<Record<HygieneReason, number>>;
}

export async function loadHygieneView(
  params: Record<string, string | string[] | undefined>,
): Promise<HygieneView> {
  const reason = reasonParam.parse(params.reason);
  const deps = adminDeps();
  try {
    const directory = await loadDirectory(deps, { keys: 'all' });
    const all = hygieneReport(directory, deps.now());
    const counts: HygieneView['counts'] = {};
    for (const entry of all) {
      for (const why of entry.reasons) counts[why] = (counts[why] ?? 0) + 1;
    }
    const unreconciled = directory.reconciledAt === undefined;
    return { reason, unreconciled, entries: filterHygiene(all, reason), counts };
  } catch (error) {
    console.error('[admin] key hygiene failed', error);
    return { reason, unreconciled: false, counts: {} };
  }
}
