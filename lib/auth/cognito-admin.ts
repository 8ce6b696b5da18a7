import 'server-only';
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../aws';
import { config } from '../config';
import { errorName } from './messages';
import { defaultPasswordPolicy, type PasswordPolicy } from './password-policy';
import { passwordPolicySchema } from './password-policy-schema';

export type AccountStatus = 'active' | 'disabled' | 'gone';

/** An account as Cognito has it: whether it may have a session, and with which groups. */
export interface AccountState {
  status: AccountStatus;
  groups: string[];
}

/**
 * Whether an account may have a session, and its groups now: asked at sign-in and when the
 * customer directory has no answer (session-maintenance.ts). cognito-local issues tokens to
 * disabled users, so the portal asks itself rather than relying on Cognito to refuse them.
 */
export async function accountState(username: string): Promise<AccountState> {
  const UserPoolId = config().cognito.userPoolId;
  try {
    const user = await cognitoClient().send(
      new AdminGetUserCommand({ UserPoolId, Username: username }),
    );
    if (user.Enabled === false) return { status: 'disabled', groups: [] };
    const groups: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await cognitoClient().send(
        new AdminListGroupsForUserCommand({ UserPoolId, Username: username, Limit: 60, NextToken }),
      );
      for (const group of page.Groups ?? []) if (group.GroupName) groups.push(group.GroupName);
      NextToken = page.NextToken;
    } while (NextToken);
    return { status: 'active', groups };
  } catch (error) {
    if (errorName(error) === 'UserNotFoundException') return { status: 'gone', groups: [] };
    throw error;
  }
}

let policy: { value: Promise<PasswordPolicy>; expiresAt: number } | undefined;
const policyTtlMs = 10 * 60_000;

/** The pool's password policy, read with DescribeUserPool at most every ten minutes. */
export function passwordPolicy(now = Date.now()): Promise<PasswordPolicy> {
  if (policy && policy.expiresAt > now) return policy.value;
  const value = describePolicy();
  policy = { value, expiresAt: now + policyTtlMs };
  value.catch(() => {
    if (policy?.value === value) policy = undefined;
  });
  return value;
}

async function describePolicy(): Promise<PasswordPolicy> {
  const answer = await cognitoClient().send(
    new DescribeUserPoolCommand({ UserPoolId: config().cognito.userPoolId }),
  );
  const raw = answer.UserPool?.Policies?.PasswordPolicy;
  if (!raw) return defaultPasswordPolicy;
  return passwordPolicySchema.parse({
    minimumLength: raw.MinimumLength ?? defaultPasswordPolicy.minimumLength,
    requireUppercase: raw.RequireUppercase ?? false,
    requireLowercase: raw.RequireLowercase ?? false,
    requireNumbers: raw.RequireNumbers ?? false,
    requireSymbols: raw.RequireSymbols ?? false,
  });
}
