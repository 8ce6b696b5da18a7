import 'server-only';
import { loadConfig, type PorticoConfig } from './config/load';

export { ConfigError, type PorticoConfig } from './config/load';

let current: PorticoConfig | undefined;

/** The configuration, validated on first use (instrumentation.ts makes that start-up). */
export function config(): PorticoConfig {
  current ??= loadConfig();
  return current;
}
