import { ConfigError, loadConfig } from './load';

/** Stops the server with one message naming every bad variable (Node.js runtime only). */
export function checkConfigAtStartup(): void {
  try {
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
