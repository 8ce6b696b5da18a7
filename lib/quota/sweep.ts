import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GatewayClient } from '../gateway/client';
import { listKeys } from '../gateway/keys';
import type { GatewayKey, GatewayPlan } from '../gateway/types';
import { fetchPlanUsage } from '../gateway/usage';
import { fetchPlans } from '../gateway/usage-plans';
import { recordAudit } from '../store/audit';
import { formatUtc } from '../format/utc';
import { quotaGauge, type QuotaGauge } from '../usage/quota-gauge';
import { periodStart, quotaOf, type Quota } from '../usage/quota-window';
import { usageReportSchema } from '../usage/usage-report';
import { utcDay } from '../usage/utc-days';
import {
  announcedThresholds,
  claimAnnouncement,
  planThresholds,
  thresholdsFor,
} from './alert-store';
import { thresholdsToAnnounce } from './thresholds';

export interface SweepDeps {
  apiGateway: GatewayClient;
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/** The sweep acts for no person: the audit trail names it. */
export const sweepActor = { sub: 'portico', email: 'quota sweep' };

interface Crossing {
  plan: GatewayPlan;
  quota: Quota;
  keyId: string;
  gauge: QuotaGauge;
}

/**
 * Every plan's usage this period, one GetUsage per plan (per 500 keys) plus one key listing
 * when someone crossed a threshold — never a call per customer. Each crossing is audited as
 * `quota.threshold`, which feeds the notification, the mail and the webhook.
 */
export async function sweepQuotaAlerts(deps: SweepDeps): Promise<number> {
  const now = deps.now();
  const [plans, thresholds] = await Promise.all([
    fetchPlans(deps.apiGateway),
    planThresholds(deps),
  ]);
  const crossings: Crossing[] = [];
  for (const plan of plans) {
    const quota = quotaOf(plan.quota);
    if (!quota || quota.limit === 0) continue;
    const start = utcDay(periodStart(quota, now));
    const items = await fetchPlanUsage(deps.apiGateway, {
      planId: plan.id,
      start,
      end: utcDay(now),
    });
    const report = usageReportSchema.parse({
      usagePlanId: plan.id,
      startDate: start,
      endDate: utcDay(now),
      items,
    });
    const lowest = Math.min(...thresholdsFor(thresholds, plan.id));
    for (const keyId of Object.keys(items)) {
      const gauge = quotaGauge(quota, report, keyId, now);
      if (gauge.used > 0 && gauge.percent >= lowest) crossings.push({ plan, quota, keyId, gauge });
    }
  }
  if (crossings.length === 0) return 0;
  const owners = new Map(
    (await listKeys(deps.apiGateway)).map((key: GatewayKey) => [key.id, key.customerId]),
  );
  let announced = 0;
  for (const crossing of crossings) {
    const customerId = owners.get(crossing.keyId);
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
