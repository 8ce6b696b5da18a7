import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { banner, printDelivery } from './banner';
import { assertPortsFree, portsFromEnv } from './ports';
import { runUntilSignal } from './signals';
import { startLocalStack } from './start-stack';

/** `npm run dev`: the local stack and `next dev`, stopped together by Ctrl-C. */
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
// The SDK versions are pinned on purpose (see README); its Node 22 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ports = portsFromEnv();

await runUntilSignal(async () => {
  await assertPortsFree(ports);
  const stack = await startLocalStack({
    ports,
    stateDir: process.env.PORTICO_LOCAL_DIR || '.local',
    onCodeDelivery: printDelivery,
    deliverEvents: true,
    syncIntervalMs: 60_000,
  });
  const next = spawn(
    process.execPath,
    [nextBin, 'dev', '--port', String(ports.portal), '--hostname', '127.0.0.1'],
    {
      env: { ...process.env, ...stack.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
      detached: true,
    },
  );
  console.log(banner(ports, true));
  next.once('exit', (code) => {
    // Next stopped on its own (a crash or a bad config): take the stack down with it.
    if (code !== null) void stack.close().then(() => process.exit(code));
  });
  return async () => {
    await stopGroup(next);
    await stack.close();
  };
});

/** Next starts workers of its own; signalling the process group stops all of them. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-pid, 'SIGTERM');
  });
}
