import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';

export const accountStatusSchema = z.enum(['active', 'disabled', 'unconfirmed', 'invited']);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** A Cognito user as the admin console needs it. */
export interface DirectoryUser {
  sub: string;
  /** The pool's own Username: group calls must use it (an email alias finds no groups locally). */
  username: string;
  email: string;
  status: AccountStatus;
  createdAt?: number;
}

const attribute = (user: UserType, name: string) =>
  user.Attributes?.find((candidate) => candidate.Name === name)?.Value;

function statusOf(user: UserType): AccountStatus {
  if (user.Enabled === false) return 'disabled';
  if (user.UserStatus === 'UNCONFIRMED') return 'unconfirmed';
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') return 'invited';
  return 'active';
}

/** Maps a ListUsers entry; users without a `sub` (never seen in practice) are dropped. */
export function toDirectoryUser(user: UserType): DirectoryUser | undefined {
  const sub = attribute(user, 'sub');
  if (!sub || !user.Username) return undefined;
  return {
    sub,
    username: user.Username,
    email: attribute(user, 'email') ?? user.Username,
    status: statusOf(user),
    createdAt: user.UserCreateDate?.getTime(),
  };
}
