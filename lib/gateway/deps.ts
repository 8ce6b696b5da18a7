import type { CognitoDeps } from '../admin/cognito-users';
import type { RecordDeps } from '../store/read-model-keys';
import type { GatewayClient } from './client';
import type { PeerDeps } from './peers';

/**
 * What lib/gateway's write functions need: API Gateway, and the portal's table, where each
 * accepted change is recorded right after API Gateway took it (a failure in between leaves
 * drift that the sync repairs). `peers` are the other configured gateways, if any.
 */
export interface GatewayDeps extends RecordDeps, PeerDeps {
  apiGateway: GatewayClient;
}

/**
 * The sync's: with Cognito as well (the admin console, the local stack, a scheduled job given
 * the user pool), it also reconciles the customer directory records.
 */
export type SyncDeps = GatewayDeps & Partial<CognitoDeps>;
