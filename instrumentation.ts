/**
 * Runs once when the Next.js server starts: a bad configuration stops start-up here with one
 * message naming every bad variable, instead of failing on the first request that needs it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadConfig, ConfigError } = await import('./lib/config/load');
  try {
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
