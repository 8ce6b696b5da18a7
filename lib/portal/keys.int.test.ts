import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeKey, findCustomerKeys, plansOfKey } from '../gateway/customer-keys';
import { customerAudit } from '../store/audit';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { revealKey, retireRotatedKeys, rotateKey } from './keys';
import { subscribe } from './subscriptions';

let now = Date.now();
const deps = testPortalDeps({ now: () => now, keyGraceMs: 60_000 });
let bronzeId = '';

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  bronzeId = plans.items!.find((plan) => plan.name === 'Bronze')!.id!;
});

describe('keys against the local stack', () => {
  it('reveals only the caller’s own key value, and records it', async () => {
    const customer = await newCustomer();
    await expect(revealKey(deps, customer)).rejects.toThrow(/no API key yet/);
    await subscribe(deps, customer, bronzeId);
    const value = await revealKey(deps, customer);
    expect(value.length).toBeGreaterThanOrEqual(20);
    await expect(revealKey(deps, await newCustomer())).rejects.toThrow(/no API key yet/);
    expect((await customerAudit(deps, customer.sub)).map((entry) => entry.action)).toContain(
      'key.revealed',
    );
  });

  it('rotates: the new key joins the plans, the old one works until the grace period ends', async () => {
    const customer = await newCustomer();
    await subscribe(deps, customer, bronzeId);
    const oldValue = await revealKey(deps, customer);
    const { value, oldKeyWorksUntil } = await rotateKey(deps, customer);
    expect(value).not.toBe(oldValue);
    expect(oldKeyWorksUntil).toBe(now + 60_000);

    const keys = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(keys).toHaveLength(2);
    const fresh = activeKey(keys)!;
    const old = keys.find((key) => key.id !== fresh.id)!;
    expect((await plansOfKey(deps.apiGateway, fresh.id!)).map((plan) => plan.id)).toEqual([
      bronzeId,
    ]);
    expect(await revealKey(deps, customer)).toBe(value);

    expect(await retireRotatedKeys(deps, customer)).toBe(0);
    now += 60_000;
    expect(await retireRotatedKeys(deps, customer)).toBe(1);
    const after = await findCustomerKeys(deps.apiGateway, customer.sub);
    expect(after.find((key) => key.id === old.id)?.enabled).toBe(false);
    expect(await plansOfKey(deps.apiGateway, old.id!)).toEqual([]);
    expect(await retireRotatedKeys(deps, customer)).toBe(0);
  });
});
