import 'server-only';
import { openRequests, type UpgradeRequest } from '../store/upgrade-requests';
import { portalDeps } from './server-deps';

/** Open upgrade requests for the admin queue, oldest first. */
export function pendingUpgradeRequests(): Promise<UpgradeRequest[]> {
  return openRequests(portalDeps());
}
