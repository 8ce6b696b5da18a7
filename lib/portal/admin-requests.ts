import 'server-only';
import { openRequests, type UpgradeRequest } from '../store/upgrade-requests';
import { accountState, type AccountState } from './account-state';
import { portalDeps } from './server-deps';

export type QueuedRequest = UpgradeRequest & { account: AccountState };

/** Cognito's AdminGetUser allows far more than this; a few at a time keeps a long queue polite. */
const lookupsAtOnce = 5;

/**
 * Open upgrade requests for the admin queue, oldest first, each with its account's state, so
 * the admin sees a disabled or deleted account before pressing Approve (which refuses it).
 */
export async function pendingUpgradeRequests(): Promise<QueuedRequest[]> {
  const deps = portalDeps();
  const requests = await openRequests(deps);
  const subs = [...new Set(requests.map((request) => request.customerSub))];
  const states = new Map<string, AccountState>();
  for (let start = 0; start < subs.length; start += lookupsAtOnce) {
    const batch = subs.slice(start, start + lookupsAtOnce);
    const answers = await Promise.all(
      batch.map(async (sub) => [sub, await accountState(deps, sub)] as const),
    );
    for (const [sub, state] of answers) states.set(sub, state);
  }
  return requests.flatMap((request) => {
    const account = states.get(request.customerSub);
    return account ? [{ ...request, account }] : [];
  });
}
