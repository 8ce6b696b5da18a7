import 'server-only';
import { z } from 'zod';
import { loadDirectory } from './directory';
import { filterHygiene, hygieneReport, type HygieneEntry, type HygieneReason } from './hygiene';
import { adminDeps } from './server-deps';

const reasonParam = z
  .preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.enum(['unused', 'old', 'no-plan', 'owner-disabled', 'owner-gone']).optional(),
  )
  .catch(undefined);

export interface HygieneView {
  reason?: HygieneReason;
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
    const all = hygieneReport(await loadDirectory(deps, { keys: 'all' }), deps.now());
    const counts: HygieneView['counts'] = {};
    for (const entry of all) {
      for (const why of entry.reasons) counts[why] = (counts[why] ?? 0) + 1;
    }
    return { reason, entries: filterHygiene(all, reason), counts };
  } catch (error) {
    console.error('[admin] key hygiene failed', error);
    return { reason, counts: {} };
  }
}
