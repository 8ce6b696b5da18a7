import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminDeps } from '../admin/deps';
import type { AccessDeps } from '../portal/deps';
import { testPortalDeps } from './portal-deps';
import { stackClients } from './stack';

/** The admin console's dependencies on the integration tests' local stack. */
export function testAdminDeps(overrides: Partial<AccessDeps> = {}): AdminDeps {
  return { ...testPortalDeps(overrides), adminGroup: stackClients().config.adminGroup };
}

/**
 * Cognito accounts for a test file, deleted by `removeAll` (call it in afterAll): other test
 * files expect only the seeded users in the shared pool.
 */
export function testAccounts(deps: AdminDeps) {
  const created: string[] = [];
  return {
    async create(): Promise<{ sub: string; email: string; username: string }> {
      const email = `adm-${randomUUID().slice(0, 8)}@example.test`;
      created.push(email);
      const answer = await deps.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: deps.userPoolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      await deps.cognito.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: deps.userPoolId,
          Username: email,
          Password: 'Portico-Test-1',
          Permanent: true,
        }),
      );
      const attributes: AttributeType[] = answer.User?.Attributes ?? [];
      const sub = attributes.find((attribute) => attribute.Name === 'sub')?.Value;
      if (!sub) throw new Error('cognito-local created a user without a sub');
      return { sub, email, username: answer.User?.Username ?? email };
    },
    async removeAll(): Promise<void> {
      for (const email of created.splice(0)) {
        await deps.cognito
          .send(new AdminDeleteUserCommand({ UserPoolId: deps.userPoolId, Username: email }))
          .catch((error: unknown) => {
            if ((error as { name?: string }).name !== 'UserNotFoundException') throw error;
          });
      }
    },
  };
}
