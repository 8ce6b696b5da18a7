import { planSubject } from '../admin/plans';
import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { recordAudit } from '../store/audit';
import type { RecordDeps } from '../store/read-model-keys';
import { planRecords } from '../store/read-model-plans';
import { quotaOf } from '../usage/quota-window';
import { setPlanThresholds } from './alert-store';

/**
 * An admin sets the percentages of a plan's quota at which its customers are alerted. Only a
 * plan with a quota can have them; the change is audited as a plan change (portal settings of
 * a plan, like its tags), so it stays out of the webhooks.
 */
export async function savePlanThresholds(
  deps: RecordDeps,
  admin: Customer,
  planId: string,
  thresholds: number[],
): Promise<string> {
  const plan = (await planRecords(deps)).find((candidate) => candidate.id === planId);
  if (!plan) throw new PortalError('That plan does not exist (any more).', 'not-found');
  if (!quotaOf(plan.quota))
    throw new PortalError(`${plan.name} has no quota, so there is nothing to alert on.`, 'invalid');
  await setPlanThresholds(deps, planId, thresholds);
  const listed = thresholds.map((threshold) => `${threshold}%`).join(', ');
  await recordAudit(deps, {
    actor: admin,
    customerSub: planSubject(planId),
    action: 'plan.updated',
    details: { planName: plan.name, changes: 'quota alert thresholds', quotaAlerts: listed },
  });
  return `${plan.name} customers are alerted at ${listed} of their quota.`;
}
