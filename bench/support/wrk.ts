import { execFileSync, spawn } from 'node:child_process';
import type { LoadResult } from './load';

/** wrk (Debian package `wrk`) generates far more load per core than a Node client can. */
export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const toMs = (value: string, unit: string) =>
  Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN);

export async function runWrk(options: {
  url: string;
  headers?: Record<string, string>;
  concurrency: number;
  seconds: number;
}): Promise<LoadResult> {
  const args = [
    '--latency',
    '-t',
    '1',
    '-c',
    String(options.concurrency),
    '-d',
    `${options.seconds}s`,
  ];
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push('-H', `${name}: ${value}`);
  args.push(options.url);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`)),
    );
  });
  const number = (pattern: RegExp) => Number(output.match(pattern)?.[1] ?? NaN);
  const latency = (percent: string) => {
    const match = output.match(new RegExp(`\\s${percent}%\\s+([\\d.]+)(us|ms|s|m)`));
    return match?.[1] && match[2] ? toMs(match[1], match[2]) : NaN;
  };
  const requests = number(/(\d+) requests in/);
  const errors = number(/Non-2xx or 3xx responses: (\d+)/) || 0;
  return {
    requests,
    errors,
    seconds: options.seconds,
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
  };
}
