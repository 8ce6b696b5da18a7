/**
 * The address `npm start` listens on. In local mode the portal signs people in against a local
 * stack with demo accounts whose passwords are printed at start-up, so it answers this machine
 * only unless the operator says otherwise (PORTICO_HOST, or `npm start -- --hostname …`).
 * In aws mode Next's own default (every address) applies.
 */
export function listenHost(
  env: Record<string, string | undefined>,
  args: readonly string[],
): string | undefined {
  if (args.some((arg) => /^(-H|--hostname)(=|$)/.test(arg))) return undefined;
  const chosen = env.PORTICO_HOST?.trim();
  if (chosen) return chosen;
  return (env.PORTICO_MODE?.trim() || 'local') === 'local' ? '127.0.0.1' : undefined;
}
