import { randomBytes } from 'node:crypto';
import { functionUrlEvent } from '../../local/lambda/events';
import { invokeServerFunction, loadServerFunction } from '../../local/lambda/server-function';

/**
 * One Lambda execution environment, in a process of its own (`bench/lambda-cold-start.ts`
 * starts several): a cold start (the OpenNext module loads, then answers its first request),
 * then warm requests. Prints one JSON line.
 */
const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const paths = ['/', '/apis', '/apis/weather', '/plans'];
const warmRounds = Number(process.env.BENCH_WARM_ROUNDS ?? 20);
const host = 'portal.example.com';

const started = performance.now();
// CPU time as well as wall time: on a loaded machine the process mostly waits for a core.
const cpuAtStart = process.cpuUsage();
const handler = await loadServerFunction({
  ...env,
  NODE_ENV: 'production',
  NEXTAUTH_URL: `https://${host}`,
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
});
const loaded = performance.now();
const first = await invokeServerFunction(handler, functionUrlEvent(host, { url: '/' }));
const answered = performance.now();
const cpu = process.cpuUsage(cpuAtStart);
if (first.statusCode !== 200) throw new Error(`The first request answered ${first.statusCode}`);

const warm: Record<string, number[]> = {};
for (let round = 0; round < warmRounds; round++) {
  for (const path of paths) {
    const start = performance.now();
    const answer = await invokeServerFunction(handler, functionUrlEvent(host, { url: path }));
    if (answer.statusCode !== 200) throw new Error(`${path} answered ${answer.statusCode}`);
    (warm[path] ??= []).push(performance.now() - start);
  }
}

process.stdout.write(
  `${JSON.stringify({ loadMs: loaded - started, firstResponseMs: answered - loaded, initMs: answered - started, initCpuMs: (cpu.user + cpu.system) / 1000, warm })}\n`,
);
process.exit(0);
