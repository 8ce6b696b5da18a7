import { recordAudit } from '../store/audit';
import type { RecordDeps } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { formatUtc } from '../format/utc';
import { keyOwners, planUsage } from '../usage/get-usage';
import { quotaGauge, type QuotaGauge } from '../usage/quota-gauge';
import { periodStart, quotaOf } from '../usage/quota-window';
import { utcDay } from '../usage/utc-days';
import type { GatewayPlan } from '../gateway/types';
import {
  announcedThresholds,
  claimAnnouncement,
  planThresholds,
  thresholdsFor,
} from './alert-store';
import { thresholdsToAnnounce } from './thresholds';

/** The table only: the sweep reads the read model and the usage snapshots, never API Gateway. */
export type SweepDeps = RecordDeps;

/** The sweep acts for no person: the audit trail names it. */
export const sweepActor = { sub: 'portico', email: 'quota sweep' };

interface Crossing {
  plan: GatewayPlan;
  keyId: string;
  gauge: QuotaGauge;
}

/**
 * Every plan's usage this period from the usage snapshots (lib/store/usage-snapshots, written
 * by the usage sweep in lib/gateway), so alerts cost no control-plane call: they are as fresh
 * as the last snapshot. Each crossing is audited as `quota.threshold`, which feeds the
 * notification, the mail and the webhook.
 */
export async function sweepQuotaAlerts(deps: SweepDeps): Promise<number> {
  const now = deps.now();
  const [plans, thresholds] = await Promise.all([planRecords(deps), planThresholds(deps)]);
  const crossings: Crossing[] = [];
  for (const plan of plans) {
    const quota = quotaOf(plan.quota);
    if (!quota || quota.limit === 0) continue;
    const report = await planUsage(deps, {
      planId: plan.id,
      start: utcDay(periodStart(quota, now)),
      end: utcDay(now),
    });
    const lowest = Math.min(...thresholdsFor(thresholds, plan.id));
    for (const keyId of Object.keys(report.items)) {
      const gauge = quotaGauge(quota, report, keyId, now);
      if (gauge.used > 0 && gauge.percent >= lowest) crossings.push({ plan, keyId, gauge });
    }
  }
  if (crossings.length === 0) return 0;
  const owners = await keyOwners(deps);
  let announced = 0;
  for (const crossing of crossings) {
    const customerId = owners[crossing.keyId]?.customerId;
    if (
      customerId &&
      (await announce(deps, crossing, customerId, thresholdsFor(thresholds, crossing.plan.id)))
    )
      announced++;
  }
  return announced;
}

async function announce(
  deps: SweepDeps,
  { plan, keyId, gauge }: Crossing,
  customerId: string,
  thresholds: number[],
): Promise<boolean> {
  const key = { planId: plan.id, periodStart: gauge.periodStart, customerId };
  const seen = await announcedThresholds(deps, plan.id, gauge.periodStart, customerId);
  const { announce: threshold, settle } = thresholdsToAnnounce(thresholds, gauge.percent, seen);
  if (threshold === undefined || !(await claimAnnouncement(deps, key, seen, settle))) return false;
  await recordAudit(deps, {
    actor: sweepActor,
    customerSub: customerId,
    action: 'quota.threshold',
    details: {
      planId: plan.id,
      planName: plan.name,
      keyId,
      threshold: String(threshold),
      used: String(gauge.used),
      limit: String(gauge.limit),
      resetsAt: formatUtc(gauge.resetsAt),
    },
  });
  return true;
}
