import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitUntilListening } from './wait';

export interface RunningCognito {
  url: string;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./cognito-process.mjs', import.meta.url));

/** Lines of cognito-local's log worth showing a developer: confirmation codes it "sent". */
const deliveryLine = /Confirmation Code Delivery|Username:|Destination:|Code:/;

export async function startCognito(options: {
  port: number;
  dataDir: string;
  /** Fixed confirmation code / temporary password (cognito-local's CODE). */
  code?: string;
  onDelivery?: (line: string) => void;
}): Promise<RunningCognito> {
  mkdirSync(options.dataDir, { recursive: true });
  const log = createWriteStream(`${options.dataDir}/cognito-local.log`, { flags: 'a' });
  const child = spawn(process.execPath, [entry], {
    cwd: options.dataDir,
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', CODE: options.code },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    if (!options.onDelivery) return;
    for (const line of chunk.toString('utf8').split('\n')) {
      if (deliveryLine.test(line)) options.onDelivery(line.replace(/[│╭╮╰╯─]/g, '').trim());
    }
  });
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilListening(url, child, 'cognito-local');
  return { url, close: () => stop(child).finally(() => log.end()) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
