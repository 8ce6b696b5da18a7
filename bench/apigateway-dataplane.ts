import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from './support/cpu-time';
import { runLoad, type LoadResult } from './support/load';
import { runWrk, wrkAvailable } from './support/wrk';

/**
 * `npm run bench:dataplane`: the emulator's data plane (key check, token bucket, quota,
 * metering, MOCK) against a bare Node server returning the same body.
 *
 * One run on a shared machine says little, so the three servers start once and the load takes
 * turns among them over many short rounds (the order reversed every other round), so a change
 * in the machine's load falls on each alike; each ratio is the median of the per-round ratios,
 * with their spread. Besides throughput it reports the server's CPU time per request (from
 * /proc, user + system): other processes on the machine slow a server down but do not add to
 * its CPU time, so the CPU ratio is the steadier estimate of what the servers would do alone.
 * Target: the journaled emulator serves ≥ 85% of the bare server's throughput, p99 < 5 ms.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const useWrk = wrkAvailable();
const serveTarget = fileURLToPath(new URL('./support/serve-target.ts', import.meta.url));
const targets = ['bare', 'emulator', 'journaled'] as const;
type Target = (typeof targets)[number];

interface Running {
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
}

interface Measured extends LoadResult {
  /** CPU time the server used per request answered, in microseconds (NaN without /proc). */
  cpuMicrosPerRequest: number;
}

async function startTarget(kind: Target): Promise<Running> {
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

const load = (target: Running, runSeconds: number) =>
  useWrk
    ? runWrk({ ...target, concurrency, seconds: runSeconds })
    : runLoad({ ...target, concurrency, seconds: runSeconds, expectStatus: 200 });

async function measure(target: Running): Promise<Measured> {
  const cpuBefore = cpuSeconds(target.child.pid);
  const result = await load(target, seconds);
  const cpu = cpuSeconds(target.child.pid) - cpuBefore;
  return { ...result, cpuMicrosPerRequest: (cpu * 1e6) / result.requests };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const spread = (values: number[], format: (value: number) => string) =>
  `${format(Math.min(...values))}–${format(Math.max(...values))}`;

console.log(
  `Data plane, ${concurrency} keep-alive connections, ${seconds} s per run, ${rounds} rounds, load from ${useWrk ? 'wrk' : 'a Node client'}`,
);
if (!useWrk) {
  console.log(
    '(install wrk — `apt-get install wrk` — for a load generator that is not the bottleneck)',
  );
}
const running = {} as Record<Target, Running>;
const results: Record<Target, Measured[]> = { bare: [], emulator: [], journaled: [] };
let failed = false;
try {
  for (const kind of targets) {
    running[kind] = await startTarget(kind);
    // A warm-up, so every side runs JIT-compiled code when measured.
    await load(running[kind], 1);
  }
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const kind of order) {
      const result = await measure(running[kind]);
      results[kind].push(result);
      failed ||= result.errors > 0;
    }
    const line = targets
      .map((kind) => {
        const result = results[kind][round]!;
        return `${kind} ${result.requestsPerSecond.toFixed(0)} req/s ${result.cpuMicrosPerRequest.toFixed(0)} µs`;
      })
      .join('   ');
    console.log(`round ${String(round + 1).padStart(2)}: ${line}`);
  }
} finally {
  for (const target of Object.values(running)) target.child.kill();
}

const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const micros = (value: number) => `${value.toFixed(0)} µs`;
console.log('');
for (const kind of targets) {
  const rps = results[kind].map((result) => result.requestsPerSecond);
  const p99 = results[kind].map((result) => result.p99Ms);
  const cpu = results[kind].map((result) => result.cpuMicrosPerRequest);
  console.log(
    `${kind.padEnd(10)} median ${median(rps).toFixed(0).padStart(6)} req/s (${spread(rps, (v) => v.toFixed(0))})   p99 median ${ms(median(p99))} (${spread(p99, ms)})   CPU/request median ${micros(median(cpu))} (${spread(cpu, micros)})`,
  );
}
for (const kind of ['emulator', 'journaled'] as const) {
  const ratios = results[kind].map(
    (result, round) => result.requestsPerSecond / results.bare[round]!.requestsPerSecond,
  );
  const cpuRatios = results[kind].map(
    (result, round) => results.bare[round]!.cpuMicrosPerRequest / result.cpuMicrosPerRequest,
  );
  console.log(
    `${kind.padEnd(10)} ${percent(median(ratios))} of bare's throughput (per-round ${spread(ratios, percent)}), ${percent(median(cpuRatios))} by CPU per request (${spread(cpuRatios, percent)}); target ≥ 85%, p99 < 5 ms`,
  );
}
if (failed) process.exitCode = 1;
