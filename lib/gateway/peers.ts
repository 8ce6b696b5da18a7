import type { Gateway } from '../config/gateways';
import { assumedRoleCredentials } from './assumed-role';
import { createApiGatewayClient, type GatewayClient } from './client';

/**
 * A configured gateway other than home (lib/config/gateways): another Region, or another
 * account through an assumed role. Its client has a call budget of its own, since API
 * Gateway's limit is per account and Region.
 */
export interface GatewayPeer {
  id: string;
  region: string;
  client: GatewayClient;
}

/** What use cases pass along: absent or empty, the portal works with the home gateway alone. */
export interface PeerDeps {
  peers?: GatewayPeer[];
}

export function createGatewayPeers(settings: {
  gateways: Gateway[];
  gatewayCallsPerSecond?: number;
}): GatewayPeer[] {
  return settings.gateways.slice(1).map((gateway) => ({
    id: gateway.id,
    region: gateway.region,
    client: createApiGatewayClient({
      region: gateway.region,
      gateway: gateway.id,
      gatewayCallsPerSecond: settings.gatewayCallsPerSecond,
      endpoints: gateway.endpoint ? { apiGateway: gateway.endpoint } : {},
      ...(gateway.roleArn
        ? { credentials: assumedRoleCredentials(gateway.roleArn, gateway.region) }
        : {}),
    }),
  }));
}

/** The peer a read-model item names, or an error naming the gateway no longer configured. */
export function peerOf(deps: PeerDeps, gatewayId: string): GatewayPeer {
  const peer = deps.peers?.find((candidate) => candidate.id === gatewayId);
  if (!peer) throw new Error(`The gateway ${gatewayId} is not configured (PORTICO_GATEWAYS).`);
  return peer;
}

/** The client of a read-model item's gateway: home when it names none. */
export function clientOf(
  deps: PeerDeps & { apiGateway: GatewayClient },
  gatewayId: string | undefined,
): GatewayClient {
  return gatewayId ? peerOf(deps, gatewayId).client : deps.apiGateway;
}
