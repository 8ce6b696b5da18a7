import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The `chromium` on PATH (Debian's package); CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error(
    'Chromium was not found on PATH: install it with `apt-get install -y chromium` or set CHROMIUM_PATH.',
  );
}
