import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, createDynamoDocumentClient } from '../lib/aws/clients';
import { loadConfig } from '../lib/config/load';
import { createApiGatewayClient } from '../lib/gateway/client';
import { freePorts } from '../local/stack/ports';
import { startLocalStack } from '../local/stack/start-stack';

/**
 * `npm run bench:users`: simulated visitors browsing a production build (`next build`, then
 * `next start`) backed by the local stack with the emulator's control-plane rate limit on (10
 * rps, burst 40, as AWS). Signed-in visitors (each subscribed to Bronze) and anonymous ones
 * open a page, read it whole, think 2–8 s, and go on. Prints page views/s, p50/p95 per page,
 * control-plane calls per page view (the emulator's own count), the peak calls in any second,
 * and how many calls the rate limit refused. Targets at 100 visitors: ≤ 0.01 calls per view,
 * peak ≤ 5/s, 0 throttled, anonymous pages p95 ≤ 50 ms.
 *
 * BENCH_VISITORS (100), BENCH_SIGNED_IN (45), BENCH_SECONDS (60), BENCH_THINK_MS ("2000-8000"),
 * BENCH_SKIP_BUILD=1 to reuse the current `.next` build.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const visitors = Number(process.env.BENCH_VISITORS ?? 100);
const signedIn = Math.min(visitors, Number(process.env.BENCH_SIGNED_IN ?? 45));
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const [thinkMin, thinkMax] = (process.env.BENCH_THINK_MS ?? '2000-8000').split('-').map(Number);
const password = 'Portico-Bench-1';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
if (process.env.BENCH_SKIP_BUILD !== '1') {
  console.log('next build …');
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('next build failed');
}

const stateDir = mkdtempSync(join(tmpdir(), 'portico-bench-users-'));
const ports = await freePorts();
const stack = await startLocalStack({ ports, stateDir, controlPlaneRateLimit: true });
Object.assign(process.env, stack.env);
const config = loadConfig(stack.env);
const cognito = createCognitoClient(config);
const portal = `http://127.0.0.1:${ports.portal}`;
const statsUrl = `${config.endpoints!.apiGateway}/_emulator/stats`;
let server: ReturnType<typeof spawn> | undefined;

type Stats = { calls: Record<string, number>; throttled?: Record<string, number> };
const stats = async () => (await (await fetch(statsUrl)).json()) as Stats;
const sum = (counts: Record<string, number> = {}) =>
  Object.values(counts).reduce((total, count) => total + count, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Cognito account subscribed to Bronze, through the portal's own use case. */
async function newCustomer(index: number, bronze: string, deps: ReturnType<typeof benchDeps>) {
  const { subscribe } = await import('../lib/portal/subscriptions');
  const email = `bench-user-${String(index).padStart(3, '0')}@example.test`;
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: config.cognito.userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: config.cognito.userPoolId,
      Username: email,
      Password: password,
      Permanent: true,
    }),
  );
  const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('cognito-local created a user without a sub');
  await subscribe(deps, { sub, email }, bronze);
  return email;
}

function benchDeps() {
  return {
    apiGateway: createApiGatewayClient(config),
    cognito,
    dynamo: createDynamoDocumentClient(config),
    tableName: config.tableName,
    userPoolId: config.cognito.userPoolId,
    adminGroup: config.adminGroup,
    now: Date.now,
    keyGraceMs: 0,
  };
}

/** Signs in through next-auth's credentials endpoint; returns the session's Cookie header. */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(`${portal}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${portal}/api/auth/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: portal }),
  });
  keep(answer);
  if (![...jar.keys()].some((name) => name.includes('session-token')))
    throw new Error(`sign-in of ${email} failed (${answer.status})`);
  return header();
}

interface Sample {
  page: string;
  ms: number;
  ok: boolean;
}

async function view(path: string, page: string, cookie?: string): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(`${portal}${path}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    await response.arrayBuffer();
    return { page, ms: performance.now() - started, ok: response.status === 200 };
  } catch {
    return { page, ms: performance.now() - started, ok: false };
  }
}

/**
 * CPU time (ms) used so far by the portal's server and its child processes (Linux /proc): on a
 * shared, loaded machine wall-clock latency measures the scheduler, CPU per view does not.
 */
function serverCpuMs(root: number | undefined): number {
  if (root === undefined) return NaN;
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [
          {
            pid: Number(pid),
            ppid: Number(fields[1]),
            ticks: Number(fields[11]) + Number(fields[12]),
          },
        ];
      } catch {
        return [];
      }
    });
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of stats) {
      if (tree.has(stat.ppid) && !tree.has(stat.pid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  // Clock ticks are 1/100 s on Linux.
  return stats.filter((stat) => tree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks * 10, 0);
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const think = () => thinkMin! + Math.random() * (thinkMax! - thinkMin!);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

try {
  const plans = await createApiGatewayClient(config).send(new GetUsagePlansCommand({ limit: 500 }));
  const bronze = plans.items?.find((plan) => plan.name === 'Bronze')?.id;
  if (!bronze) throw new Error('the seed has no Bronze plan');
  console.log(`${signedIn} customers subscribing to Bronze …`);
  const deps = benchDeps();
  const emails: string[] = [];
  for (let index = 0; index < signedIn; index += 1)
    emails.push(await newCustomer(index, bronze, deps));

  server = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(ports.portal), '--hostname', '127.0.0.1'],
    { env: { ...process.env, ...stack.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' },
  );
  for (
    let tries = 0;
    !(await fetch(portal).then(
      (r) => r.ok,
      () => false,
    ));
    tries += 1
  ) {
    if (tries > 300) throw new Error('next start did not answer');
    await sleep(200);
  }
  const catalog = await (await fetch(`${portal}/apis`)).text();
  const slug = /href="\/apis\/([a-z0-9-]+)"/.exec(catalog)?.[1];
  if (!slug) throw new Error('the catalog lists no API');
  const anonymousPages: Record<string, string> = {
    home: '/',
    catalog: '/apis',
    'api docs': `/apis/${slug}`,
    plans: '/plans',
    guides: '/guides',
  };
  const signedInPages: Record<string, string> = {
    'home (signed in)': '/',
    'api docs (signed in)': `/apis/${slug}`,
    'plans (signed in)': '/plans',
    dashboard: '/dashboard',
    usage: '/dashboard/usage',
    account: '/account',
  };
  const cookies: string[] = [];
  for (const email of emails) cookies.push(await signIn(email));
  // Every page once, signed in and not, so first-render work is not counted.
  for (const [page, path] of Object.entries(anonymousPages)) await view(path, page);
  for (const [page, path] of Object.entries(signedInPages)) await view(path, page, cookies[0]);

  await fetch(statsUrl, { method: 'DELETE' });
  console.log(`${visitors} visitors (${signedIn} signed in) for ${seconds} s …`);
  const cpuBefore = serverCpuMs(server.pid);
  const samples: Sample[] = [];
  const perSecond: number[] = [];
  let last = 0;
  const deadline = performance.now() + seconds * 1000;
  const sampler = setInterval(() => {
    void stats().then((now) => {
      const total = sum(now.calls);
      perSecond.push(total - last);
      last = total;
    });
  }, 1000);
  await Promise.all(
    Array.from({ length: visitors }, async (_, index) => {
      const cookie = cookies[index];
      const pages = Object.entries(cookie ? signedInPages : anonymousPages);
      await sleep(Math.random() * (thinkMax ?? 0));
      while (performance.now() < deadline) {
        const [page, path] = pick(pages);
        samples.push(await view(path, page, cookie));
        await sleep(think());
      }
    }),
  );
  clearInterval(sampler);
  const cpuMs = serverCpuMs(server.pid) - cpuBefore;
  const final = await stats();
  const elapsed = seconds + (performance.now() - deadline) / 1000;

  const calls = sum(final.calls);
  const pageNames = [...new Set(samples.map((sample) => sample.page))].sort();
  console.log(
    `\n${'page'.padEnd(24)} ${'views'.padStart(6)} ${'errors'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
  );
  for (const page of pageNames) {
    const mine = samples.filter((sample) => sample.page === page);
    const ms = mine.map((sample) => sample.ms).sort((a, b) => a - b);
    console.log(
      `${page.padEnd(24)} ${String(mine.length).padStart(6)} ${String(mine.filter((s) => !s.ok).length).padStart(6)} ${percentile(ms, 0.5).toFixed(1).padStart(8)} ${percentile(ms, 0.95).toFixed(1).padStart(8)}`,
    );
  }
  const anonymous = samples
    .filter((sample) => Object.hasOwn(anonymousPages, sample.page))
    .map((sample) => sample.ms)
    .sort((a, b) => a - b);
  console.log(`
page views: ${samples.length} in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(1)}/s (errors: ${samples.filter((s) => !s.ok).length})
anonymous pages: p50 ${percentile(anonymous, 0.5).toFixed(1)} ms, p95 ${percentile(anonymous, 0.95).toFixed(1)} ms (target p95 ≤ 50 ms)
control-plane calls: ${calls} = ${(calls / Math.max(1, samples.length)).toFixed(4)} per page view (target ≤ 0.01) ${JSON.stringify(final.calls)}
peak calls in one second: ${Math.max(0, ...perSecond)} (target ≤ 5)
throttled calls: ${sum(final.throttled)} (target 0)
portal server CPU: ${(cpuMs / Math.max(1, samples.length)).toFixed(1)} ms per page view; load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} on this machine (wall-clock latency includes waiting for a core)`);
} finally {
  server?.kill('SIGTERM');
  await stack.close();
  rmSync(stateDir, { recursive: true, force: true });
}
