/**
 * Starts something, then waits for Ctrl-C (or SIGTERM, or SIGHUP when the terminal closes)
 * and shuts it down. A start-up failure
 * prints its message (not a stack trace: these are configuration problems) and exits 1.
 */
export async function runUntilSignal(start: () => Promise<() => Promise<void>>): Promise<void> {
  let stop: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stop?.();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // Closing the terminal must not leave detached children (next dev) holding their ports.
  process.on('SIGHUP', () => void shutdown(0));
  try {
    stop = await start();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown(1);
  }
}
