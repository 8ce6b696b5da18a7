import { inject } from 'vitest';

/**
 * The control-plane address of one of the local stack's emulators: home's without a gateway id,
 * else the emulator standing for that gateway (PORTICO_GATEWAYS, whose ids are Regions here).
 */
export function emulatorUrl(gateway?: string): string {
  const env = inject('stackEnv');
  if (!gateway) return `http://127.0.0.1:${env.PORTICO_APIGATEWAY_PORT}`;
  const gateways = JSON.parse(env.PORTICO_GATEWAYS ?? '[]') as {
    region: string;
    endpoint?: string;
  }[];
  const endpoint = gateways.find((each) => each.region === gateway)?.endpoint;
  if (!endpoint) throw new Error(`the local stack has no emulator for ${gateway}`);
  return new URL(endpoint).origin;
}
