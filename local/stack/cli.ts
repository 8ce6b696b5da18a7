import { banner, printDelivery } from './banner';
import { portsFromEnv } from './ports';
import { startLocalStack } from './start-stack';
import { runUntilSignal } from './signals';

/** `npm run local:stack`: the local AWS stand-ins without the portal. */
// The SDK versions are pinned on purpose (see README); its Node 22 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ports = portsFromEnv();
await runUntilSignal(async () => {
  const stack = await startLocalStack({
    ports,
    syncIntervalMs: 60_000,
    stateDir: process.env.PORTICO_LOCAL_DIR || '.local',
    onCodeDelivery: printDelivery,
    deliverEvents: true,
  });
  console.log(banner(ports, false));
  return stack.close;
});
