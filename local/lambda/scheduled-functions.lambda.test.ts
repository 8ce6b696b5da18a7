import {
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeyCommand,
  GetRestApisCommand,
  GetUsagePlanKeysCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as deliverOutbox } from '../../infra/functions/deliver-outbox';
import { handler as housekeeping } from '../../infra/functions/housekeeping';
import {
  createCustomerKey,
  findCustomerKeys,
  type Customer,
} from '../../lib/gateway/customer-keys';
import { handler as scheduledSync } from '../../lib/gateway/scheduled-sync';
import { handler as quotaSweep } from '../../lib/quota/scheduled-sweep';
import { rotateKey } from '../../lib/portal/keys';
import { customerAudit } from '../../lib/store/audit';
import { customerKeyRecords, putKeyRecord } from '../../lib/store/read-model-keys';
import { planRecords } from '../../lib/store/read-model-plans';
import { recordRepair } from '../../lib/store/repairs';
import { keySnapshot } from '../../lib/store/usage-snapshots';
import { inboxFor } from '../../lib/testing/event-deps';
import { startReceiver } from '../../lib/testing/webhook-receiver';
import { newCustomer, removeTestCustomers, testPortalDeps } from '../../lib/testing/portal-deps';
import { stackClients } from '../../lib/testing/stack';
import { utcDay } from '../../lib/usage/utc-days';
import { createEndpoint, deleteEndpoint, type Endpoint } from '../../lib/webhooks/endpoints';
import { verifyWebhook } from '../../lib/webhooks/signing';
import { scheduledEvent } from './events';
import { lambdaContext, type LambdaContext } from './runtime';

type ScheduledEvent = ReturnType<typeof scheduledEvent>;

/** As Lambda calls a scheduled function: with its rule's event and a context. */
function onSchedule<T>(
  handler: (event: ScheduledEvent, context: LambdaContext) => Promise<T>,
  rule: string,
): Promise<T> {
  return handler(scheduledEvent(`Portico-${rule}`), lambdaContext(rule, 300_000));
}

/*
 * The scheduled functions as Lambda runs them: each handler module (the same entry the
 * stack bundles, infra/lib/portico-stack.ts) invoked with the event its EventBridge rule
 * sends, against this run's local stack. The functions reach the stack the way they reach
 * AWS: through the SDK's own endpoint variables, with no portal configuration (housekeeping,
 * sync, quota sweep) or with the portal's configuration from the environment (the outbox).
 * What they change is read back through API Gateway and the table.
 */
let deps: ReturnType<typeof testPortalDeps>;
/** API Gateway as the console or the CLI changes it, behind the portal's back. */
let behindTheBack: ReturnType<typeof stackClients>['apiGateway'];
let alice: Customer;
let bob: Customer;
let aliceKey = '';
let aliceKeyValue = '';
let bobKey = '';
let tinyPlan = '';
let invokeUrl = '';
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let endpoint: Endpoint;

beforeAll(async () => {
  const env = inject('stackEnv');
  deps = testPortalDeps({ keyGraceMs: 0 });
  behindTheBack = stackClients().apiGateway;
  Object.assign(process.env, env, {
    AWS_ENDPOINT_URL_API_GATEWAY: `http://127.0.0.1:${env.PORTICO_APIGATEWAY_PORT}`,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${env.PORTICO_DYNAMODB_PORT}`,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: `http://127.0.0.1:${env.PORTICO_COGNITO_PORT}`,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const apis = await behindTheBack.send(new GetRestApisCommand({ limit: 500 }));
  const weather = apis.items?.find((api) => api.name === 'Weather');
  if (!weather?.id) throw new Error('the seed has no Weather API');
  invokeUrl = `http://127.0.0.1:${env.PORTICO_APIGATEWAY_PORT}/restapis/${weather.id}/prod/_user_request_/cities`;

  alice = await newCustomer();
  const created = await createCustomerKey(deps, alice);
  aliceKey = created.key.id;
  aliceKeyValue = created.value;
  bob = await newCustomer();
  bobKey = (await createCustomerKey(deps, bob)).key.id;

  receiver = await startReceiver();
  endpoint = await createEndpoint(deps, {
    url: receiver.url,
    description: 'scheduled functions test',
    eventTypes: ['quota.threshold'],
  });
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  if (endpoint) await deleteEndpoint(deps, endpoint.id);
  if (tinyPlan) {
    const members = await behindTheBack.send(
      new GetUsagePlanKeysCommand({ usagePlanId: tinyPlan, limit: 500 }),
    );
    for (const member of members.items ?? []) {
      await behindTheBack.send(
        new DeleteUsagePlanKeyCommand({ usagePlanId: tinyPlan, keyId: member.id! }),
      );
    }
    await behindTheBack.send(new DeleteUsagePlanCommand({ usagePlanId: tinyPlan }));
  }
  await removeTestCustomers();
});

describe('the scheduled functions on their EventBridge events', () => {
  it('sync: repairs drift made through the SDK', async () => {
    const plan = await behindTheBack.send(
      new CreateUsagePlanCommand({
        name: `Tiny ${Date.now()}`,
        apiStages: [{ apiId: invokeUrl.split('/')[4], stage: 'prod' }],
        quota: { limit: 5, period: 'DAY', offset: 0 },
      }),
    );
    tinyPlan = plan.id!;
    await behindTheBack.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: tinyPlan, keyId: aliceKey, keyType: 'API_KEY' }),
    );
    await behindTheBack.send(
      new UpdateApiKeyCommand({
        apiKey: bobKey,
        patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
      }),
    );
    for (let call = 0; call < 4; call += 1) {
      const answer = await fetch(invokeUrl, { headers: { 'x-api-key': aliceKeyValue } });
      expect(answer.status).toBe(200);
      await answer.arrayBuffer();
    }
    expect((await planRecords(deps)).map((record) => record.id)).not.toContain(tinyPlan);

    const result = await onSchedule(scheduledSync, 'SyncSchedule');

    expect(result.changes).toBeGreaterThanOrEqual(3);
    expect((await planRecords(deps)).map((record) => record.id)).toContain(tinyPlan);
    expect(await customerKeyRecords(deps, alice.sub)).toEqual([
      expect.objectContaining({ id: aliceKey, enabled: true, planIds: [tinyPlan] }),
    ]);
    expect(await customerKeyRecords(deps, bob.sub)).toEqual([
      expect.objectContaining({ id: bobKey, enabled: false, planIds: [] }),
    ]);
    const repaired = (await customerAudit(deps, alice.sub)).filter(
      (entry) => entry.action === 'readmodel.repaired',
    );
    // Her key's new plan, and her account, made in Cognito outside the portal's sign-up.
    expect(repaired.map((entry) => entry.details)).toHaveLength(2);
    expect(repaired.map((entry) => entry.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'key', id: aliceKey, change: 'updated' }),
        expect.objectContaining({ kind: 'account', id: alice.sub }),
      ]),
    );
  });

  it('quota sweep: snapshots the usage, then audits the threshold a customer crossed, once', async () => {
    const today = utcDay(Date.now());
    expect(await keySnapshot(deps, aliceKey, tinyPlan, [today])).not.toEqual([[4, 1]]);

    const first = await onSchedule(quotaSweep, 'QuotaSweepSchedule');

    expect(first.snapshots).toBeGreaterThanOrEqual(1);
    expect(await keySnapshot(deps, aliceKey, tinyPlan, [today])).toEqual([[4, 1]]);
    expect(first.announced).toBe(1);
    const alerts = (await customerAudit(deps, alice.sub)).filter(
      (entry) => entry.action === 'quota.threshold',
    );
    expect(alerts.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ planId: tinyPlan, keyId: aliceKey, threshold: '80', used: '4' }),
    ]);
    expect(await onSchedule(quotaSweep, 'QuotaSweepSchedule')).toMatchObject({ announced: 0 });
  });

  it('outbox: delivers the alert as a signed webhook and a mail', async () => {
    const result = await onSchedule(deliverOutbox, 'OutboxSchedule');
    expect(result.failed).toBe(0);
    expect(result.processed).toBeGreaterThanOrEqual(3);

    const hooks = receiver.received.filter((hook) => hook.body.includes(alice.sub));
    expect(hooks).toHaveLength(1);
    const [hook] = hooks as [(typeof hooks)[number]];
    expect(verifyWebhook(endpoint.secret, hook.headers, hook.body)).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'quota.threshold',
      data: { customerId: alice.sub, planId: tinyPlan, threshold: '80' },
    });
    const mails = await inboxFor(alice.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Portico: You have used 80% of your Tiny \d+ quota$/),
    ]);
  });

  it('housekeeping: retires a rotated-out key, finishes a pending repair, sends a key reminder', async () => {
    await rotateKey(deps, alice);
    const [current] = (await findCustomerKeys(deps.apiGateway, alice.sub)).filter(
      (key) => key.id !== aliceKey,
    );
    // A failed change left the new key in Tiny where it must not be.
    await recordRepair(deps, {
      kind: 'remove-association',
      keyId: current!.id,
      planId: tinyPlan,
      customerSub: alice.sub,
      reason: 'test: an undo that failed',
    });

    // Carol's key is 100 days old: keys made today cannot be, so its record says so.
    const carol = await newCustomer();
    const created = await createCustomerKey(deps, carol);
    await putKeyRecord(deps, {
      ...created.key,
      createdAt: Date.now() - 100 * 24 * 60 * 60 * 1000,
      planIds: [],
      recordedAt: Date.now(),
    });

    const result = await onSchedule(housekeeping, 'HousekeepingSchedule');

    expect(result).toEqual({
      customers: 1,
      disabled: 1,
      repairs: { done: 1, left: 0 },
      reminded: 1,
    });
    const old = await behindTheBack.send(new GetApiKeyCommand({ apiKey: aliceKey }));
    expect(old.enabled).toBe(false);
    const members = await behindTheBack.send(
      new GetUsagePlanKeysCommand({ usagePlanId: tinyPlan, limit: 500 }),
    );
    expect(members.items ?? []).toEqual([]);
    const actions = (await customerAudit(deps, alice.sub)).map((entry) => entry.action);
    expect(actions).toContain('key.repaired');

    // The reminder is queued; the outbox sends it, and only once however often this runs.
    expect((await onSchedule(housekeeping, 'HousekeepingSchedule')).reminded).toBe(0);
    expect((await onSchedule(deliverOutbox, 'OutboxSchedule')).failed).toBe(0);
    const mails = await inboxFor(carol.email);
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringMatching(/100 days/)]);
  });
});
