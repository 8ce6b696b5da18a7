import 'server-only';
import type { Customer } from '../gateway/customer-keys';
import { getApiDocument } from '../gateway/api-docs';
import { getCatalog } from '../gateway/catalog';
import { operationsByTag } from '../gateway/operations';
import type { GatewayPlan } from '../gateway/types';
import { recentNotifications, type Notification } from '../store/notifications';
import { customerRequests, type UpgradeRequest } from '../store/upgrade-requests';
import { chooseFirstCall, type FirstCall } from './first-call';
import { retireRotatedKeys, rotationReminderAgeMs } from './keys';
import { portalDeps } from './server-deps';
import { customerSubscriptions } from './subscriptions';

export interface Dashboard {
  key?: { id: string; createdAt?: number; ageDays?: number; needsRotation: boolean };
  plans: GatewayPlan[];
  /** Set when an administrator disabled the customer's key. */
  disabledReason?: string;
  requests: UpgradeRequest[];
  notifications: Notification[];
  firstCall?: FirstCall;
}

/** Everything the customer's dashboard shows, for the signed-in customer only. */
export async function loadDashboard(customer: Customer): Promise<Dashboard> {
  const deps = portalDeps();
  // Rotated-out keys past their grace period are disabled when their owner next looks.
  await retireRotatedKeys(deps, customer);
  const [subscriptions, requests, notifications] = await Promise.all([
    customerSubscriptions(deps, customer.sub),
    customerRequests(deps, customer.sub),
    recentNotifications(deps, customer.sub),
  ]);
  const createdAt = subscriptions.key?.createdAt;
  const ageMs = createdAt === undefined ? undefined : deps.now() - createdAt;
  return {
    ...(subscriptions.key
      ? {
          key: {
            id: subscriptions.key.id,
            createdAt,
            ageDays: ageMs === undefined ? undefined : Math.floor(ageMs / 86_400_000),
            needsRotation: ageMs !== undefined && ageMs > rotationReminderAgeMs,
          },
        }
      : {}),
    plans: subscriptions.plans,
    ...(subscriptions.disabledReason ? { disabledReason: subscriptions.disabledReason } : {}),
    requests,
    notifications,
    firstCall: await firstCallFor(subscriptions.plans),
  };
}

async function firstCallFor(plans: GatewayPlan[]): Promise<FirstCall | undefined> {
  const planIds = new Set(plans.map((plan) => plan.id));
  const covered = (await getCatalog()).filter((candidate) =>
    candidate.plans.some((plan) => planIds.has(plan.id)),
  );
  // A home Region API first: its stage is in the usage plan itself, not only in a namesake of
  // the plan in another Region (lib/gateway/plan-links), which a tier move may leave.
  const api = covered.find((candidate) => !candidate.gateway) ?? covered[0];
  if (!api) return undefined;
  const document = await getApiDocument(api);
  if (!document.baseUrl) return undefined;
  return chooseFirstCall(
    api.name,
    document.baseUrl,
    operationsByTag(document.spec),
    document.keyLocation,
  );
}
