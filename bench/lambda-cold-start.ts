import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serverFunctionDir } from '../local/lambda/server-function';
import { freePorts } from '../local/stack/ports';
import { startLocalStack } from '../local/stack/start-stack';

/**
 * `npm run bench:lambda`: the server function as Lambda runs it (the OpenNext build of `npm
 * run build:lambda`, the same as `npm run deploy`), against a local stack of its own. Each
 * cold start runs in a fresh process, as a new execution environment would: init is module
 * load to first response. Then warm response times per page, and the bundle's size.
 * Targets on a 2-core machine: init ≤ 1 s, bundle ≤ 30 MB unzipped. The init's CPU time is
 * printed too, with the load average: on a machine shared with other work the wall time is
 * mostly waiting for a core. Each instance runs under tsx (it is TypeScript), whose loader
 * hooks also see OpenNext's modules, which Lambda's runtime does not: the figures err high.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const coldStarts = Number(process.env.BENCH_COLD_STARTS ?? 5);
const instance = fileURLToPath(new URL('./support/lambda-instance.ts', import.meta.url));

interface InstanceReport {
  loadMs: number;
  firstResponseMs: number;
  initMs: number;
  /** CPU time (user + system) of the init: what a core would take if it had one to itself. */
  initCpuMs: number;
  warm: Record<string, number[]>;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: statSync(path).size };
    });
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const loadBefore = load();

const stateDir = mkdtempSync(join(tmpdir(), 'portico-bench-lambda-'));
const stack = await startLocalStack({ ports: await freePorts(), stateDir });
try {
  const reports: InstanceReport[] = [];
  for (let run = 0; run < coldStarts; run++) {
    // Asynchronously: the local stack answers the instance from this process's event loop.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', instance, JSON.stringify(stack.env)],
      { encoding: 'utf8', env: process.env, maxBuffer: 16 * 1024 * 1024 },
    );
    reports.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as InstanceReport);
  }

  console.log(`Load average (1, 5, 15 min): ${loadBefore} before, ${load()} after the cold starts`);
  console.log(`Cold starts (${coldStarts} fresh processes; target init ≤ 1000 ms)`);
  console.log('                         median        p95');
  for (const [label, pick] of [
    ['module load', (r: InstanceReport) => r.loadMs],
    ['first response', (r: InstanceReport) => r.firstResponseMs],
    ['init (load → answer)', (r: InstanceReport) => r.initMs],
    ['init CPU time', (r: InstanceReport) => r.initCpuMs],
  ] as const) {
    const values = reports.map(pick);
    console.log(`  ${label.padEnd(21)}${ms(quantile(values, 0.5))} ${ms(quantile(values, 0.95))}`);
  }

  console.log('\nWarm responses (every instance, every round)');
  console.log('                         median        p95');
  for (const path of Object.keys(reports[0]!.warm)) {
    const values = reports.flatMap((report) => report.warm[path] ?? []);
    console.log(`  ${path.padEnd(21)}${ms(quantile(values, 0.5))} ${ms(quantile(values, 0.95))}`);
  }

  const files = filesUnder(serverFunctionDir);
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const byTop = new Map<string, number>();
  for (const file of files) {
    const parts = relative(serverFunctionDir, file.path).split(/[\\/]/);
    const key =
      parts[0] === 'node_modules'
        ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/')
        : parts[0]!;
    byTop.set(key, (byTop.get(key) ?? 0) + file.bytes);
  }
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`\nServer bundle: ${mb(total)} unzipped in ${files.length} files (target ≤ 30 MB)`);
  for (const [name, bytes] of [...byTop].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`  ${mb(bytes).padStart(9)}  ${name}`);
  }
} finally {
  await stack.close();
  rmSync(stateDir, { recursive: true, force: true });
}
