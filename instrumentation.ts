/**
 * Runs once when the Next.js server starts: a bad configuration stops start-up here with one
 * message naming every bad variable, instead of failing on the first request that needs it.
 */
export async function register(): Promise<void> {
  // The branch keeps the Node-only check (process.exit) out of the Edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStartup } = await import('./lib/config/startup-check');
    checkConfigAtStartup();
    const { stampSocketAddresses } = await import('./lib/http/socket-address');
    stampSocketAddresses();
  }
}
