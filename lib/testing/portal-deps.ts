import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Customer } from '../gateway/customer-keys';
import { defaultKeyGraceMs, type AccessDeps } from '../portal/deps';
import { stackClients } from './stack';

/** The portal's dependencies on the integration tests' local stack. */
export function testPortalDeps(overrides: Partial<AccessDeps> = {}): AccessDeps {
  const { config, apiGateway, peers, dynamo, cognito } = stackClients();
  return {
    apiGateway,
    peers,
    dynamo,
    cognito,
    userPoolId: config.cognito.userPoolId,
    tableName: config.tableName,
    now: Date.now,
    keyGraceMs: defaultKeyGraceMs,
    ...overrides,
  };
}

/** A customer no other test has seen and no Cognito pool knows (a key's owner that is gone). */
export function unknownCustomer(): Customer {
  const sub = randomUUID();
  return { sub, email: `${sub.slice(0, 8)}@example.test` };
}

const createdEmails: string[] = [];

/**
 * A new, enabled Cognito account no other test has seen: the use cases that grant access ask
 * Cognito whether the account may hold a key. Removed after the test file by
 * `removeTestCustomers` (the integration setup does it), as other files expect only the seeds.
 */
export async function newCustomer(): Promise<Customer> {
  const { config, cognito } = stackClients();
  const email = `cust-${randomUUID().slice(0, 8)}@example.test`;
  const answer = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: config.cognito.userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  createdEmails.push(email);
  const sub = answer.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('cognito-local created a user without a sub');
  return { sub, email };
}

export async function removeTestCustomers(): Promise<void> {
  const { config, cognito } = stackClients();
  for (const email of createdEmails.splice(0)) {
    await cognito
      .send(new AdminDeleteUserCommand({ UserPoolId: config.cognito.userPoolId, Username: email }))
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error;
      });
  }
}
