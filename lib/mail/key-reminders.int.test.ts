import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runOutbox } from '../events/run-outbox';
import { deleteKeyRecord, putKeyRecord } from '../store/read-model-keys';
import { inboxFor, testEventDeps } from '../testing/event-deps';
import { newCustomer } from '../testing/portal-deps';
import { sendKeyAgeReminders } from './key-reminders';
import { setMailPreferences } from './preferences';

const deps = testEventDeps();
const day = 24 * 60 * 60 * 1000;
const keyIds: string[] = [];

/** A key the read model holds as created `ageDays` ago: the reminder reads nothing else. */
async function keyAged(customerId: string, ageDays: number, id = randomUUID().slice(0, 10)) {
  keyIds.push(id);
  await putKeyRecord(deps, {
    id,
    name: `portico-${customerId}`,
    customerId,
    enabled: true,
    createdAt: Date.now() - ageDays * day,
    tags: {},
    planIds: [],
    recordedAt: Date.now(),
  });
  return id;
}

afterAll(async () => {
  for (const id of keyIds) await deleteKeyRecord(deps, id);
});

const subjects = async (email: string) => (await inboxFor(email)).map((mail) => mail.subject);

describe('the 90-day key reminder', () => {
  it('mails a customer whose key is over 90 days old, once per key per 90 days', async () => {
    const customer = await newCustomer();
    const young = await newCustomer();
    const keyId = await keyAged(customer.sub, 91);
    await keyAged(young.sub, 30);

    expect((await sendKeyAgeReminders(deps)).reminded).toBeGreaterThanOrEqual(1);
    await sendKeyAgeReminders(deps);
    await runOutbox(deps);
    expect(await subjects(customer.email)).toEqual(['Portico: Your API key is 91 days old']);
    expect(await subjects(young.email)).toEqual([]);
    const [mail] = await inboxFor(customer.email);
    expect(mail?.text).toMatch(/Turn them off: http:\/\/localhost:\d+\/unsubscribe\?token=/);

    // The same key 90 days later: a second reminder, and only one.
    await keyAged(customer.sub, 181, keyId);
    await sendKeyAgeReminders(deps);
    await sendKeyAgeReminders(deps);
    await runOutbox(deps);
    expect((await subjects(customer.email)).sort()).toEqual([
      'Portico: Your API key is 181 days old',
      'Portico: Your API key is 91 days old',
    ]);
  });

  it('sends nothing to a customer who turned optional mail off', async () => {
    const customer = await newCustomer();
    await setMailPreferences(deps, customer.sub, { optionalMail: false });
    await keyAged(customer.sub, 120);
    await sendKeyAgeReminders(deps);
    await runOutbox(deps);
    expect(await subjects(customer.email)).toEqual([]);
  });
});
