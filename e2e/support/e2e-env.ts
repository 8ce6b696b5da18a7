import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Fixed rather than random: Playwright evaluates its config in every worker, and they must
 * agree. Chosen away from the dev defaults so `npm test` runs beside `npm run dev`.
 */
export const portalPort = Number(process.env.PORTICO_E2E_PORT || 3211);

/** The e2e stack's state; wiped at the start of every run. */
export const e2eStateDir =
  process.env.PORTICO_E2E_STATE_DIR || join(tmpdir(), `portico-e2e-${portalPort}`);
