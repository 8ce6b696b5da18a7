import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { subscribe } from '../portal/subscriptions';
import { lastRefreshAt } from '../store/usage-snapshots';
import { emulatorCalls, resetEmulatorCalls } from '../testing/emulator-stats';
import { newCustomer, testPortalDeps } from '../testing/portal-deps';
import { refreshOwnUsage } from './refresh';

const deps = testPortalDeps();

describe("a customer's own usage refresh", () => {
  it('asks API Gateway once per plan, then not again within 5 minutes', async () => {
    const customer = await newCustomer();
    expect(await refreshOwnUsage(deps, customer.sub)).toBe('no-plans');

    const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
    await subscribe(deps, customer, plans.items?.find((plan) => plan.name === 'Bronze')?.id ?? '');
    await resetEmulatorCalls();
    const before = Date.now();
    expect(await refreshOwnUsage(deps, customer.sub)).toBe('refreshed');
    expect(await emulatorCalls()).toEqual({ GetUsage: 1 });
    expect(await lastRefreshAt(deps, customer.sub)).toBeGreaterThanOrEqual(before);

    await resetEmulatorCalls();
    expect(await refreshOwnUsage(deps, customer.sub)).toBe('too-soon');
    expect(await emulatorCalls()).toEqual({});
  });
});
