import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './support/load';
import { runWrk, wrkAvailable } from './support/wrk';

/**
 * `npm run bench:dataplane`: the emulator's data plane (key check, token bucket, quota,
 * metering, MOCK) against a bare Node server returning the same body, same load, same run.
 * Target: the emulator serves at least 70% of the bare server's throughput.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const useWrk = wrkAvailable();
const serveTarget = fileURLToPath(new URL('./support/serve-target.ts', import.meta.url));

async function startTarget(kind: 'emulator' | 'bare') {
  const child = spawn(process.execPath, ['--import', 'tsx', serveTarget, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} target exited with ${code}`)));
  });
  return { child, ...(JSON.parse(firstLine) as { url: string; headers: Record<string, string> }) };
}

async function measure(kind: 'emulator' | 'bare'): Promise<LoadResult> {
  let child: ChildProcess | undefined;
  try {
    const target = await startTarget(kind);
    child = target.child;
    // A short warm-up so both sides run JIT-compiled code when measured.
    if (useWrk) {
      await runWrk({ ...target, concurrency, seconds: 1 });
      return await runWrk({ ...target, concurrency, seconds });
    }
    await runLoad({ ...target, concurrency, seconds: 1, expectStatus: 200 });
    return await runLoad({ ...target, concurrency, seconds, expectStatus: 200 });
  } finally {
    child?.kill();
  }
}

const bare = await measure('bare');
const emulator = await measure('emulator');
const row = (name: string, result: LoadResult) =>
  `${name.padEnd(10)} ${result.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${result.p50Ms.toFixed(2)} ms   p99 ${result.p99Ms.toFixed(2)} ms   (${result.requests} ok, ${result.errors} errors)`;
const ratio = emulator.requestsPerSecond / bare.requestsPerSecond;
console.log(
  `Data plane, ${concurrency} keep-alive connections, ${seconds} s each, load from ${useWrk ? 'wrk' : 'a Node client'}`,
);
if (!useWrk) {
  console.log(
    '(install wrk — `apt-get install wrk` — for a load generator that is not the bottleneck)',
  );
}
console.log(row('bare', bare));
console.log(row('emulator', emulator));
console.log(
  `ratio      ${(ratio * 100).toFixed(1)}% of the bare server's throughput (target ≥ 70%)`,
);
if (emulator.errors > 0 || bare.errors > 0) process.exitCode = 1;
