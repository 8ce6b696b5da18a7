import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stopChild } from '../stack/stop-child';
import { waitUntilListening } from '../stack/wait';

export interface RunningInbox {
  /** The web inbox (and its REST API: GET /email, DELETE /email/all). */
  url: string;
  smtpPort: number;
  close(): Promise<void>;
}

const maildevBin = createRequire(import.meta.url).resolve('maildev/bin/maildev');

/**
 * MailDev: a real SMTP server with a web inbox. It runs as a child process because it
 * installs signal handlers of its own that would end the stack's process.
 */
export async function startInbox(options: {
  smtpPort: number;
  webPort: number;
  dataDir: string;
}): Promise<RunningInbox> {
  mkdirSync(options.dataDir, { recursive: true });
  const log = createWriteStream(`${options.dataDir}/maildev.log`, { flags: 'a' });
  const child = spawn(
    process.execPath,
    [
      maildevBin,
      '--smtp',
      String(options.smtpPort),
      '--web',
      String(options.webPort),
      '--ip',
      '127.0.0.1',
      '--mail-directory',
      options.dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${options.webPort}`;
  await waitUntilListening(`${url}/healthz`, child, 'MailDev');
  return {
    url,
    smtpPort: options.smtpPort,
    close: () => stopChild(child).finally(() => log.end()),
  };
}
