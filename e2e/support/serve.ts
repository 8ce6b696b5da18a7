import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { freePorts } from '../../local/stack/ports';
import { runUntilSignal } from '../../local/stack/signals';
import { startLocalStack } from '../../local/stack/start-stack';
import { confirmationCode } from '../../lib/testing/stack';
import { e2eStateDir, portalPort } from './e2e-env';

/** Playwright's web server: a fresh local stack on free ports, then `next start`. */
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

await runUntilSignal(async () => {
  rmSync(e2eStateDir, { recursive: true, force: true });
  const ports = { ...(await freePorts()), portal: portalPort };
  const stack = await startLocalStack({
    ports,
    stateDir: e2eStateDir,
    confirmationCode,
    deliverEvents: true,
  });
  const next = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(portalPort), '--hostname', '127.0.0.1'],
    {
      env: { ...process.env, ...stack.env },
      stdio: 'inherit',
    },
  );
  next.once('exit', (code) => void stack.close().then(() => process.exit(code ?? 1)));
  return async () => {
    next.kill('SIGTERM');
    await stack.close();
  };
});
