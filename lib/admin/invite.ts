import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { errorName } from '../auth/messages';
import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { recordAudit } from '../store/audit';
import { putCustomerRecord } from '../store/customer-directory';
import { toDirectoryUser } from './directory-user';
import { toCustomerRecord } from './directory-records';
import type { AdminDeps } from './deps';

/**
 * Creates an account that Cognito emails a temporary password to; the person chooses their own
 * at first sign-in (the sign-in form's new-password step). Optionally in the admin group.
 */
export async function inviteUser(
  deps: AdminDeps,
  admin: Customer,
  email: string,
  asAdmin: boolean,
): Promise<{ sub: string }> {
  let created;
  try {
    created = await deps.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: deps.userPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } catch (error) {
    if (errorName(error) === 'UsernameExistsException') {
      throw new PortalError('An account with this email already exists.', 'invalid');
    }
    throw error;
  }
  const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  const username = created.User?.Username;
  if (!sub || !username) throw new Error('Cognito created a user without a sub or username');
  if (asAdmin) {
    await deps.cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: deps.userPoolId,
        Username: username,
        GroupName: deps.adminGroup,
      }),
    );
  }
  const user = created.User && toDirectoryUser(created.User);
  if (user) {
    const groups = asAdmin ? [deps.adminGroup] : [];
    await putCustomerRecord(deps, toCustomerRecord(user, groups, deps.adminGroup, deps.now()));
  }
  await recordAudit(deps, {
    actor: admin,
    customerSub: sub,
    action: 'account.invited',
    details: { email, asAdmin: String(asAdmin) },
  });
  return { sub };
}
