import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { stopChild } from './stop-child';
import { waitUntilListening } from './wait';

export interface RunningCognito {
  url: string;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./cognito-process.mjs', import.meta.url));

/** A confirmation code cognito-local "sent", as its child process reports it over IPC. */
const deliverySchema = z.object({
  type: z.literal('delivery'),
  username: z.string(),
  destination: z.string().optional(),
  code: z.string(),
});
export type CodeDelivery = z.infer<typeof deliverySchema>;

/** The line `npm run dev` prints for a delivery: everything a newcomer needs to confirm. */
export function deliveryLine(delivery: CodeDelivery): string {
  const to = delivery.destination ?? delivery.username;
  return `Confirmation code for ${to}: ${delivery.code}`;
}

export async function startCognito(options: {
  port: number;
  dataDir: string;
  /** Fixed confirmation code / temporary password (cognito-local's CODE). */
  code?: string;
  /** Called the moment cognito-local delivers a code (sign-up, forgot password, invitation). */
  onDelivery?: (delivery: CodeDelivery) => void;
}): Promise<RunningCognito> {
  mkdirSync(options.dataDir, { recursive: true });
  const log = createWriteStream(`${options.dataDir}/cognito-local.log`, { flags: 'a' });
  const child = spawn(process.execPath, [entry], {
    cwd: options.dataDir,
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', CODE: options.code },
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  child.on('message', (message) => {
    const delivery = deliverySchema.safeParse(message);
    if (delivery.success) options.onDelivery?.(delivery.data);
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilListening(url, child, 'cognito-local');
  return { url, close: () => stopChild(child).finally(() => log.end()) };
}
