import 'server-only';
import { customerRecords, directoryReconciliation } from '../store/customer-directory';
import { openRequests, type UpgradeRequest } from '../store/upgrade-requests';
import { accountState, type AccountState } from './account-state';
import { portalDeps } from './server-deps';

export type QueuedRequest = UpgradeRequest & { account: AccountState };

/**
 * Open upgrade requests for the admin queue, oldest first, each with its account's state from
 * the customer directory, so the admin sees a disabled or deleted account before pressing
 * Approve (which asks Cognito itself, and refuses it). Only before the directory's first
 * reconciliation with the pool is a requester without a record asked about in Cognito: they
 * may simply not have signed in since an upgrade.
 */
export async function pendingUpgradeRequests(): Promise<QueuedRequest[]> {
  const deps = portalDeps();
  const [requests, records, reconciliation] = await Promise.all([
    openRequests(deps),
    customerRecords(deps),
    directoryReconciliation(deps),
  ]);
  const recorded = new Map(records.map((record) => [record.sub, record]));
  const unrecorded = new Map<string, AccountState>();
  const stateOf = async (sub: string): Promise<AccountState> => {
    const record = recorded.get(sub);
    if (record) return record.status === 'disabled' ? 'disabled' : 'enabled';
    if (reconciliation) return 'deleted';
    const known = unrecorded.get(sub) ?? (await accountState(deps, sub));
    unrecorded.set(sub, known);
    return known;
  };
  const queued: QueuedRequest[] = [];
  for (const request of requests) {
    queued.push({ ...request, account: await stateOf(request.customerSub) });
  }
  return queued;
}
