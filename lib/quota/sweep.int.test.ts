import {
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetRestApisCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runOutbox } from '../events/run-outbox';
import { createCustomerKey } from '../gateway/customer-keys';
import { sweepCustomerUsage } from '../gateway/usage-sweep';
import { fetchPlan } from '../gateway/usage-plans';
import { customerAudit } from '../store/audit';
import { updateKeyRecord } from '../store/read-model-keys';
import { deletePlanRecord, putPlanRecord } from '../store/read-model-plans';
import { recentNotifications } from '../store/notifications';
import { inboxFor, testEventDeps } from '../testing/event-deps';
import { newCustomer } from '../testing/portal-deps';
import { stackClients } from '../testing/stack';
import { setPlanThresholds } from './alert-store';
import { sweepQuotaAlerts } from './sweep';

const { apiGateway } = stackClients();
const deps = testEventDeps();
let planId = '';
let keyId = '';
let keyValue = '';
let invokeUrl = '';

beforeAll(async () => {
  const apis = await apiGateway.send(new GetRestApisCommand({ limit: 500 }));
  const weather = apis.items?.find((api) => api.name === 'Weather');
  if (!weather?.id) throw new Error('the seed has no Weather API');
  const port = inject('stackEnv').PORTICO_APIGATEWAY_PORT;
  invokeUrl = `http://127.0.0.1:${port}/restapis/${weather.id}/prod/_user_request_/cities`;
  const plan = await apiGateway.send(
    new CreateUsagePlanCommand({
      name: `Tiny ${Date.now()}`,
      apiStages: [{ apiId: weather.id, stage: 'prod' }],
      quota: { limit: 10, period: 'DAY', offset: 0 },
    }),
  );
  planId = plan.id ?? '';
  const recorded = await fetchPlan(apiGateway, planId);
  if (!recorded) throw new Error('the new plan cannot be read back');
  await putPlanRecord(deps, recorded);
});

afterAll(async () => {
  if (keyId) await apiGateway.send(new DeleteUsagePlanKeyCommand({ usagePlanId: planId, keyId }));
  await apiGateway.send(new DeleteUsagePlanCommand({ usagePlanId: planId }));
  await deletePlanRecord(deps, planId);
});

async function call(times: number) {
  for (let index = 0; index < times; index += 1)
    await (await fetch(invokeUrl, { headers: { 'x-api-key': keyValue } })).arrayBuffer();
}

describe('the quota sweep', () => {
  it('alerts from the usage snapshots once per threshold per period, by notification, mail and the audit trail', async () => {
    const customer = await newCustomer();
    const created = await createCustomerKey({ ...deps, apiGateway }, customer);
    keyId = created.key.id;
    keyValue = created.value;
    await apiGateway.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId, keyType: 'API_KEY' }),
    );
    await updateKeyRecord(deps, keyId, { planAdded: planId });
    await setPlanThresholds(deps, planId, [50, 80, 100]);
    const snapshot = () => sweepCustomerUsage({ ...deps, apiGateway }, customer.sub);

    await call(4);
    await snapshot();
    await sweepQuotaAlerts(deps);
    expect(await customerAudit(deps, customer.sub)).toHaveLength(0);

    await call(4); // 8 of 10: 50% and 80% are crossed together, only 80% is said
    await sweepQuotaAlerts(deps);
    expect(await customerAudit(deps, customer.sub), 'it reads snapshots, not GetUsage').toEqual([]);
    await snapshot();
    await sweepQuotaAlerts(deps);
    await sweepQuotaAlerts(deps);
    const entries = await customerAudit(deps, customer.sub);
    expect(entries.map((entry) => [entry.action, entry.details.threshold])).toEqual([
      ['quota.threshold', '80'],
    ]);
    expect(entries[0]?.details).toMatchObject({ planId, used: '8', limit: '10' });

    await runOutbox(deps);
    const [note] = await recentNotifications(deps, customer.sub);
    expect(note?.message).toMatch(/^You have used 80% of your Tiny \d+ quota for this period\.$/);
    const mails = await inboxFor(customer.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Portico: You have used 80% of your Tiny \d+ quota$/),
    ]);
    expect(mails[0]?.text).toMatch(/Turn them off: http:\/\/localhost:\d+\/unsubscribe\?token=/);

    await call(2);
    await snapshot();
    await sweepQuotaAlerts(deps);
    const thresholds = (await customerAudit(deps, customer.sub)).map((e) => e.details.threshold);
    expect(thresholds).toEqual(['100', '80']);
  });
});
