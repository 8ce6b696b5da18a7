import { afterEach, describe, expect, it } from 'vitest';
import { listAdmins } from '../admin/cognito-users';
import { recordAudit } from '../store/audit';
import { recentNotifications } from '../store/notifications';
import { inboxFor, manualClock, testEventDeps } from '../testing/event-deps';
import { startReceiver, type ReceivedHook } from '../testing/webhook-receiver';
import { newCustomer } from '../testing/portal-deps';
import { listDeliveries } from '../webhooks/deliveries';
import { createEndpoint, deleteEndpoint, getEndpoint } from '../webhooks/endpoints';
import { heldCount } from '../webhooks/held';
import { setEndpointState } from '../webhooks/manage';
import { verifyWebhook } from '../webhooks/signing';
import { runOutbox } from './run-outbox';

const cleanups: (() => Promise<void>)[] = [];
/** Who pauses and resumes endpoints in these tests (audited as any admin would be). */
const staff = { sub: 'outbox-test-admin', email: 'outbox-test-admin@example.test' };
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(status: () => number = () => 200) {
  const clock = manualClock();
  const deps = testEventDeps({ now: clock.now });
  const receiver = await startReceiver(status);
  const endpoint = await createEndpoint(deps, {
    url: receiver.url,
    description: 'test receiver',
    eventTypes: ['key.disabled'],
  });
  cleanups.push(receiver.close, () => deleteEndpoint(deps, endpoint.id));
  const customer = await newCustomer();
  const disableKey = (keyId = 'k1') =>
    recordAudit(deps, {
      actor: customer,
      customerSub: customer.sub,
      action: 'key.disabled',
      details: { keyId, reason: 'leaked', email: customer.email },
    });
  const mine = () =>
    receiver.received.filter((hook: ReceivedHook) => hook.body.includes(customer.sub));
  return { clock, deps, receiver, endpoint, customer, disableKey, mine };
}

describe('the outbox', () => {
  it('delivers a signed Standard Webhook and the mail for an audited change', async () => {
    const { deps, endpoint, customer, disableKey, mine, clock } = await setUp();
    await disableKey();
    await runOutbox(deps);

    const [hook] = mine();
    expect(hook).toBeDefined();
    if (!hook) return;
    expect(verifyWebhook(endpoint.secret, hook.headers, hook.body, clock.now() / 1000)).toBe(true);
    expect(hook.headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9]+$/);
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'key.disabled',
      data: { customerId: customer.sub, actor: 'customer', keyId: 'k1', reason: 'leaked' },
    });
    const [delivery] = await listDeliveries(deps, endpoint.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, responseCode: 200 });
    expect(delivery?.latencyMs).toBeGreaterThanOrEqual(0);

    const mails = await inboxFor(customer.email);
    expect(mails.map((mail) => mail.subject)).toEqual(['Portico: Your API key was disabled']);
    expect(mails[0]?.text).toContain('Reason: leaked');
  });

  it('retries with backoff and records each answer, then delivers', async () => {
    let answer = 500;
    const { deps, endpoint, disableKey, mine, clock } = await setUp(() => answer);
    await disableKey();
    await runOutbox(deps);
    expect(mine()).toHaveLength(1);
    expect((await listDeliveries(deps, endpoint.id))[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      responseCode: 500,
      error: 'Answered 500',
    });
    expect((await getEndpoint(deps, endpoint.id))?.failingSince).toBe(clock.now());

    await runOutbox(deps);
    expect(mine()).toHaveLength(1); // not due yet
    clock.advance(30_000);
    await runOutbox(deps);
    expect(mine()).toHaveLength(2);

    answer = 204;
    clock.advance(60_000);
    await runOutbox(deps);
    expect(mine()).toHaveLength(3);
    const ids = new Set(mine().map((hook) => hook.headers['webhook-id']));
    expect(ids.size).toBe(1);
    expect((await listDeliveries(deps, endpoint.id))[0]).toMatchObject({
      state: 'delivered',
      attempts: 3,
      responseCode: 204,
    });
    expect((await getEndpoint(deps, endpoint.id))?.failingSince).toBeUndefined();
  });

  it('pauses an endpoint that fails for 24 hours and tells the admins; it holds, then sends on resume', async () => {
    let answer = 503;
    const { deps, endpoint, disableKey, mine, clock } = await setUp(() => answer);
    await disableKey('k1');
    await runOutbox(deps);
    for (let hour = 0; hour < 25; hour += 4) {
      clock.advance(4 * 60 * 60 * 1000);
      await runOutbox(deps);
    }
    const paused = await getEndpoint(deps, endpoint.id);
    expect(paused?.state).toBe('paused');
    // The delivery whose failures paused the endpoint is held, not given up.
    const [first] = await listDeliveries(deps, endpoint.id);
    expect(first).toMatchObject({ state: 'held', responseCode: 503 });
    const [admin] = await listAdmins(deps);
    expect(admin).toBeDefined();
    if (!admin) return;
    const notes = await recentNotifications(deps, admin.sub, 20);
    expect(notes.some((note) => note.message.includes(`${endpoint.url} failed for 24 hours`))).toBe(
      true,
    );

    const attempts = mine().length;
    clock.advance(1000);
    await disableKey('k2'); // an event while paused: held, not sent
    await runOutbox(deps);
    expect(mine()).toHaveLength(attempts);
    expect(await heldCount(deps, endpoint.id)).toBe(2);

    answer = 200;
    await setEndpointState(deps, staff, endpoint.id, 'active');
    await runOutbox(deps);
    const sent = mine().slice(attempts);
    expect(sent.map((hook) => JSON.parse(hook.body).data.keyId)).toEqual(['k1', 'k2']);
    for (const hook of sent)
      expect(verifyWebhook(endpoint.secret, hook.headers, hook.body, clock.now() / 1000)).toBe(
        true,
      );
    expect(sent[0]?.headers['webhook-id']).toBe(mine()[0]?.headers['webhook-id']);
    expect(await heldCount(deps, endpoint.id)).toBe(0);
    expect((await listDeliveries(deps, endpoint.id)).map((each) => each.state)).toEqual([
      'delivered',
      'delivered',
    ]);
  });

  it('holds what comes due while an admin has paused an endpoint, and sends it, in order, once resumed', async () => {
    const { deps, endpoint, disableKey, mine, clock } = await setUp();
    await setEndpointState(deps, staff, endpoint.id, 'paused');
    for (const keyId of ['k1', 'k2', 'k3']) {
      await disableKey(keyId);
      clock.advance(1000);
    }
    await runOutbox(deps);
    clock.advance(60 * 60 * 1000);
    await runOutbox(deps);
    expect(mine()).toHaveLength(0);
    expect(await heldCount(deps, endpoint.id)).toBe(3);
    const held = await listDeliveries(deps, endpoint.id);
    expect(held.map((each) => each.state)).toEqual(['held', 'held', 'held']);

    await setEndpointState(deps, staff, endpoint.id, 'active');
    await runOutbox(deps);
    expect(mine().map((hook) => JSON.parse(hook.body).data.keyId)).toEqual(['k1', 'k2', 'k3']);
    for (const hook of mine())
      expect(verifyWebhook(endpoint.secret, hook.headers, hook.body, clock.now() / 1000)).toBe(
        true,
      );
    // Each under the webhook-id its delivery was recorded with (newest first in the list).
    expect(mine().map((hook) => hook.headers['webhook-id'])).toEqual(
      held.map((each) => each.eventId).reverse(),
    );
    expect(await heldCount(deps, endpoint.id)).toBe(0);

    // The release looks once more later (the index is eventually consistent), then is done.
    clock.advance(10_000);
    await runOutbox(deps);
    expect(mine()).toHaveLength(3);
  });

  it('holds at once the retries under way when an endpoint is paused', async () => {
    let answer = 500;
    const { deps, endpoint, disableKey, mine, clock } = await setUp(() => answer);
    await disableKey('k1');
    await runOutbox(deps);
    expect((await listDeliveries(deps, endpoint.id))[0]?.state).toBe('pending');

    await setEndpointState(deps, staff, endpoint.id, 'paused');
    expect(await heldCount(deps, endpoint.id)).toBe(1);
    clock.advance(60_000);
    await runOutbox(deps);
    expect(mine()).toHaveLength(1);

    answer = 200;
    await setEndpointState(deps, staff, endpoint.id, 'active');
    await runOutbox(deps);
    expect(mine()).toHaveLength(2);
    expect((await listDeliveries(deps, endpoint.id))[0]).toMatchObject({
      state: 'delivered',
      attempts: 1,
    });
  });

  it('does not send what was held for more than 30 days', async () => {
    const { deps, endpoint, disableKey, mine, clock } = await setUp();
    await setEndpointState(deps, staff, endpoint.id, 'paused');
    await disableKey('old');
    await runOutbox(deps);
    clock.advance(31 * 24 * 60 * 60 * 1000);
    await disableKey('new');
    await runOutbox(deps);
    expect(await heldCount(deps, endpoint.id)).toBe(1);

    await setEndpointState(deps, staff, endpoint.id, 'active');
    await runOutbox(deps);
    expect(mine().map((hook) => JSON.parse(hook.body).data.keyId)).toEqual(['new']);
    const [newest, oldest] = await listDeliveries(deps, endpoint.id);
    expect(newest?.state).toBe('delivered');
    expect(oldest).toMatchObject({
      state: 'failed',
      error: 'Not sent: held for more than 30 days while the endpoint was paused.',
    });
  });

  it('refuses to deliver to an address the policy forbids, at delivery time', async () => {
    const { deps, endpoint, disableKey, mine } = await setUp();
    const strict = { ...deps, webhookPolicy: { allowLoopbackHttp: false } };
    await disableKey();
    await runOutbox(strict);
    expect(mine()).toHaveLength(0);
    expect((await listDeliveries(deps, endpoint.id))[0]).toMatchObject({
      state: 'pending',
      error: 'Webhook URLs must use https.',
    });
  });
});
