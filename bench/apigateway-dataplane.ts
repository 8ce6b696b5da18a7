import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './support/load';
import { runWrk, wrkAvailable } from './support/wrk';

/**
 * `npm run bench:dataplane`: the emulator's data plane (key check, token bucket, quota,
 * metering, MOCK) against a bare Node server returning the same body. One run on a shared
 * machine says little, so the targets take turns over several rounds (the order reversed every
 * other round, so drift in the machine's load falls on each alike), and each ratio is the
 * median of the per-round ratios, with their spread.
 * Target: the journaled emulator serves ≥ 85% of the bare server's throughput, p99 < 5 ms.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const useWrk = wrkAvailable();
const serveTarget = fileURLToPath(new URL('./support/serve-target.ts', import.meta.url));
const targets = ['bare', 'emulator', 'journaled'] as const;
type Target = (typeof targets)[number];

async function startTarget(kind: Target) {
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

async function measure(kind: Target): Promise<LoadResult> {
  let child: ChildProcess | undefined;
  try {
    const target = await startTarget(kind);
    child = target.child;
    // A short warm-up so every side runs JIT-compiled code when measured.
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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const spread = (values: number[], format: (value: number) => string) =>
  `${format(Math.min(...values))}–${format(Math.max(...values))}`;

const results: Record<Target, LoadResult[]> = { bare: [], emulator: [], journaled: [] };
let failed = false;
console.log(
  `Data plane, ${concurrency} keep-alive connections, ${seconds} s per run, ${rounds} rounds, load from ${useWrk ? 'wrk' : 'a Node client'}`,
);
if (!useWrk) {
  console.log(
    '(install wrk — `apt-get install wrk` — for a load generator that is not the bottleneck)',
  );
}
for (let round = 0; round < rounds; round += 1) {
  const order = round % 2 === 0 ? targets : [...targets].reverse();
  for (const kind of order) {
    const result = await measure(kind);
    results[kind].push(result);
    failed ||= result.errors > 0;
  }
  const line = targets
    .map((kind) => `${kind} ${results[kind][round]!.requestsPerSecond.toFixed(0)} req/s`)
    .join('   ');
  console.log(`round ${round + 1}: ${line}`);
}

const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log('');
for (const kind of targets) {
  const rps = results[kind].map((result) => result.requestsPerSecond);
  const p99 = results[kind].map((result) => result.p99Ms);
  console.log(
    `${kind.padEnd(10)} median ${median(rps).toFixed(0).padStart(6)} req/s (${spread(rps, (v) => v.toFixed(0))})   p99 median ${ms(median(p99))} (${spread(p99, ms)})`,
  );
}
for (const kind of ['emulator', 'journaled'] as const) {
  const ratios = results[kind].map(
    (result, round) => result.requestsPerSecond / results.bare[round]!.requestsPerSecond,
  );
  console.log(
    `${kind.padEnd(10)} ${percent(median(ratios))} of bare (per-round ${spread(ratios, percent)}; target ≥ 85%, p99 < 5 ms)`,
  );
}
if (failed) process.exitCode = 1;
