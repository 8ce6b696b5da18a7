import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { customerAudit } from '../store/audit';
import { deletePlanRecord, putPlanRecord } from '../store/read-model-plans';
import { testPortalDeps } from '../testing/portal-deps';
import { planThresholds, thresholdsFor } from './alert-store';
import { savePlanThresholds } from './plan-thresholds';

const deps = testPortalDeps();
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
const newId = () => randomUUID().replace(/-/g, '').slice(0, 10);
const withQuota = { id: newId(), name: 'Metered', apiStages: [], tags: {} };
const unmetered = { id: newId(), name: 'Unmetered', apiStages: [], tags: {} };

afterAll(async () => {
  await deletePlanRecord(deps, withQuota.id);
  await deletePlanRecord(deps, unmetered.id);
});

describe("an admin sets a plan's quota alert thresholds", () => {
  it('stores them for the sweep and audits the change as a plan change', async () => {
    await putPlanRecord(deps, {
      ...withQuota,
      quota: { limit: 1000, period: 'DAY', offset: 0 },
    });
    expect(thresholdsFor(await planThresholds(deps), withQuota.id)).toEqual([80, 100]);
    const message = await savePlanThresholds(deps, admin, withQuota.id, [50, 90]);
    expect(message).toBe('Metered customers are alerted at 50%, 90% of their quota.');
    expect(thresholdsFor(await planThresholds(deps), withQuota.id)).toEqual([50, 90]);
    const [entry] = await customerAudit(deps, `plan:${withQuota.id}`);
    expect(entry).toMatchObject({
      action: 'plan.updated',
      actor: admin,
      details: { planName: 'Metered', changes: 'quota alert thresholds', quotaAlerts: '50%, 90%' },
    });
  });

  it('refuses a plan without a quota and a plan that is not there', async () => {
    await putPlanRecord(deps, unmetered);
    await expect(savePlanThresholds(deps, admin, unmetered.id, [80])).rejects.toThrow(
      'Unmetered has no quota, so there is nothing to alert on.',
    );
    await expect(savePlanThresholds(deps, admin, newId(), [80])).rejects.toThrow(
      'That plan does not exist (any more).',
    );
    expect((await planThresholds(deps))[unmetered.id]).toBeUndefined();
  });
});
