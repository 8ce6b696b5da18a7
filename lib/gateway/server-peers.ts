import 'server-only';
import { config } from '../config';
import { createGatewayPeers, type GatewayPeer } from './peers';

let peers: GatewayPeer[] | undefined;

/** The other configured gateways' clients: one set per process, like lib/aws's clients. */
export function gatewayPeers(): GatewayPeer[] {
  peers ??= createGatewayPeers(config());
  return peers;
}
