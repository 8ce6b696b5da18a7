import { randomUUID } from 'node:crypto';
import type { Customer } from '../gateway/customer-keys';
import { defaultKeyGraceMs, type PortalDeps } from '../portal/deps';
import { stackClients } from './stack';

/** The portal's dependencies on the integration tests' local stack. */
export function testPortalDeps(overrides: Partial<PortalDeps> = {}): PortalDeps {
  const { config, apiGateway, dynamo } = stackClients();
  return {
    apiGateway,
    dynamo,
    tableName: config.tableName,
    now: Date.now,
    keyGraceMs: defaultKeyGraceMs,
    ...overrides,
  };
}

/** A customer no other test has seen. */
export function newCustomer(): Customer {
  const sub = randomUUID();
  return { sub, email: `${sub.slice(0, 8)}@example.test` };
}
