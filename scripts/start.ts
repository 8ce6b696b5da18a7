import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { listenHost } from '../lib/config/listen-host';

/** `npm start`: `next start`, on loopback in local mode unless told otherwise. */
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const args = process.argv.slice(2);
const host = listenHost(process.env, args);
const next = spawn(
  process.execPath,
  [nextBin, 'start', ...(host ? ['--hostname', host] : []), ...args],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
