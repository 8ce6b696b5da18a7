import type { Directory, KeySummary } from './directory-model';
import type { AccountStatus } from './directory-user';

export type KeyState = 'none' | 'active' | 'disabled';

export interface CustomerRow {
  sub: string;
  email: string;
  status: AccountStatus;
  isAdmin: boolean;
  createdAt?: number;
  keyState: KeyState;
  keyId?: string;
  keyAgeDays?: number;
  plans: { id: string; name: string }[];
  /** The last UTC day with requests in the directory's usage window. */
  lastActivity?: string;
}

const dayMs = 86_400_000;

/** The key a customer calls with: the newest enabled one that is not being rotated out. */
function activeOf(keys: KeySummary[]): KeySummary | undefined {
  return keys.find((key) => key.enabled && !key.rotatingOut);
}

/**
 * Joins Cognito users with their keys (`customerId` = sub) and the plans those keys are in.
 * Pure and linear in users + keys + plan memberships, so 10,000 keys cost one pass.
 */
export function buildCustomerRows(directory: Directory, now: number): CustomerRow[] {
  const keysByCustomer = new Map<string, KeySummary[]>();
  for (const key of directory.keys) {
    if (!key.customerId) continue;
    const list = keysByCustomer.get(key.customerId) ?? [];
    list.push(key);
    keysByCustomer.set(key.customerId, list);
  }
  const plansByKey = new Map<string, { id: string; name: string }[]>();
  for (const plan of directory.plans) {
    for (const keyId of directory.planKeyIds[plan.id] ?? []) {
      const list = plansByKey.get(keyId) ?? [];
      list.push({ id: plan.id, name: plan.name });
      plansByKey.set(keyId, list);
    }
  }
  const admins = new Set(directory.adminSubs);
  return directory.users.map((user) => {
    const keys = (keysByCustomer.get(user.sub) ?? []).sort(
      (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0),
    );
    const active = activeOf(keys);
    const shown = active ?? keys[0];
    const lastActivity = keys
      .map((key) => directory.lastUsedDay[key.id])
      .filter((day): day is string => Boolean(day))
      .sort()
      .at(-1);
    return {
      sub: user.sub,
      email: user.email,
      status: user.status,
      isAdmin: admins.has(user.sub),
      createdAt: user.createdAt,
      keyState: active ? 'active' : keys.length > 0 ? 'disabled' : 'none',
      keyId: shown?.id,
      keyAgeDays:
        shown?.createdAt === undefined
          ? undefined
          : Math.max(0, Math.floor((now - shown.createdAt) / dayMs)),
      plans: shown ? (plansByKey.get(shown.id) ?? []) : [],
      lastActivity,
    };
  });
}
