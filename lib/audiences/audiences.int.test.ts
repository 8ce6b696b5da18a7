import { randomUUID } from 'node:crypto';
import { GetUsagePlansCommand, TagResourceCommand } from '@aws-sdk/client-api-gateway';
import { DeleteGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupsOf } from '../admin/cognito-users';
import { updateCatalogSettings } from '../catalog-admin/catalog-admin';
import { gatewayCache } from '../gateway/cache';
import { getAdminCatalog, getVisibleCatalog } from '../gateway/catalog';
import { findCatalogEntry } from '../gateway/catalog-lookup';
import { planTagNames } from '../gateway/plan-tags';
import { syncReadModel } from '../gateway/sync';
import { getVisiblePlans } from '../gateway/plans';
import { subscribe } from '../portal/subscriptions';
import { RateLimiter } from '../auth/rate-limit';
import { customerAudit } from '../store/audit';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { resetCatalogStore, testCatalogDeps } from '../testing/catalog-store';
import { runTryRequest } from '../try-it/try-request';
import { anonymousViewer, audienceGroupName, memberViewer, type AudienceViewer } from './audience';
import { addAudienceMember, audienceMembers, createAudience, listAudiences } from './groups';

const deps = testAdminDeps();
const accounts = testAccounts(deps);
const admin = { sub: 'admin-sub', email: 'admin@example.test' };
const alpha = `alpha-${randomUUID().slice(0, 8)}`;
const beta = `beta-${randomUUID().slice(0, 8)}`;
const planIds: Record<string, string> = {};
const limiter = new RateLimiter(
  { name: `audiences-test-${randomUUID()}`, limit: 100, windowMs: 1000 },
  () => deps,
);
const planArn = async (id: string) =>
  `arn:aws:apigateway:${await deps.apiGateway.config.region()}::/usageplans/${id}`;

type Person = { name: string; viewer: AudienceViewer; sub?: string; email?: string };
let anonymous: Person;
let alphaMember: Person;
let betaMember: Person;

/** What one person meets on every surface that lists or serves APIs and plans. */
async function surfaces(person: Person) {
  const tryIt = async (slug: string) => {
    const outcome = await runTryRequest(
      deps,
      {
        slug,
        method: 'GET',
        pathname: `/api/try/${slug}/`,
        search: '',
        headers: new Headers(),
        body: null,
        clientIp: '198.51.100.9',
        viewer: person.viewer,
      },
      { limiter },
    );
    return outcome.ok ? 'answered' : outcome.problem.status;
  };
  const catalog = await getVisibleCatalog(person.viewer);
  return {
    catalog: catalog.map((api) => api.slug),
    plansOnDocs: catalog.flatMap((api) => api.plans.map((plan) => `${api.slug}:${plan.name}`)),
    weatherDocs: (await findCatalogEntry('weather', person.viewer))?.slug ?? 404,
    paymentsDocs: (await findCatalogEntry('payments', person.viewer))?.slug ?? 404,
    plans: (await getVisiblePlans(person.viewer)).map(
      (plan) => `${plan.name}:${plan.apis.map((api) => api.slug).join('+')}`,
    ),
    tryWeather: await tryIt('weather'),
  };
}

beforeAll(async () => {
  const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of plans.items ?? []) planIds[plan.name!] = plan.id!;

  await createAudience(deps, admin, { id: alpha, name: 'Alpha partners' });
  await createAudience(deps, admin, { id: beta, name: 'Beta testers' });
  const [first, second] = [await accounts.create(), await accounts.create()];
  await addAudienceMember(deps, admin, alpha, first.email);
  await addAudienceMember(deps, admin, beta, second.email);
  // Each viewer is built from the groups Cognito holds for the person, as their session is.
  const viewerOf = async (user: { username: string }) =>
    memberViewer({ groups: await groupsOf(deps, user.username) });
  anonymous = { name: 'anonymous', viewer: anonymousViewer };
  alphaMember = { name: 'alpha', viewer: await viewerOf(first), ...first };
  betaMember = { name: 'beta', viewer: await viewerOf(second), ...second };

  // Weather for alpha only, Payments for anyone signed in, Silver for beta only.
  const entries = await getAdminCatalog();
  const entryOf = (slug: string) => entries.find((api) => api.slug === slug)!.entry;
  const settings = { published: true, tags: [], sortOrder: 0 };
  await updateCatalogSettings(testCatalogDeps(), admin.email, {
    entry: entryOf('weather'),
    settings: { ...settings, audience: { kind: 'groups', groups: [alpha] } },
  });
  await updateCatalogSettings(testCatalogDeps(), admin.email, {
    entry: entryOf('payments'),
    settings: { ...settings, audience: { kind: 'signed-in' } },
  });
  await tagSilver(`groups:${beta}`);
});

async function tagSilver(audience: string) {
  await deps.apiGateway.send(
    new TagResourceCommand({
      resourceArn: await planArn(planIds.Silver!),
      tags: { [planTagNames.audience]: audience },
    }),
  );
  // Tagged behind the portal's back: its read model learns of it from a sync.
  await syncReadModel(deps, 'admin');
  gatewayCache.invalidate();
}

afterAll(async () => {
  await tagSilver('public');
  await resetCatalogStore();
  await accounts.removeAll();
  for (const id of [alpha, beta])
    await deps.cognito.send(
      new DeleteGroupCommand({ UserPoolId: deps.userPoolId, GroupName: audienceGroupName(id) }),
    );
});

describe('audiences across every surface', () => {
  it('keeps audience-limited APIs and plans absent for anonymous visitors', async () => {
    // Geocoding, in the stack's second Region, is public; Bronze spans it.
    expect(await surfaces(anonymous)).toEqual({
      catalog: ['geocoding'],
      plansOnDocs: ['geocoding:Bronze'],
      weatherDocs: 404,
      paymentsDocs: 404,
      plans: ['Bronze:geocoding', 'Gold:'],
      tryWeather: 404,
    });
  });

  it('shows a member of one audience its APIs, and the other audience nothing of its own', async () => {
    expect(await surfaces(alphaMember)).toEqual({
      catalog: ['geocoding', 'payments', 'weather'],
      plansOnDocs: [
        'geocoding:Bronze',
        'payments:Bronze',
        'payments:Gold',
        'weather:Bronze',
        'weather:Gold',
      ],
      weatherDocs: 'weather',
      paymentsDocs: 'payments',
      plans: ['Bronze:geocoding+payments+weather', 'Gold:payments+weather'],
      tryWeather: 'answered',
    });
    expect(await surfaces(betaMember)).toEqual({
      catalog: ['geocoding', 'payments'],
      plansOnDocs: [
        'geocoding:Bronze',
        'geocoding:Silver',
        'payments:Bronze',
        'payments:Silver',
        'payments:Gold',
      ],
      weatherDocs: 404,
      paymentsDocs: 'payments',
      plans: ['Bronze:geocoding+payments', 'Silver:geocoding+payments', 'Gold:payments'],
      tryWeather: 404,
    });
  });

  it('refuses a plan outside the customer’s audiences exactly as a plan that does not exist', async () => {
    const outsider = {
      sub: alphaMember.sub!,
      email: alphaMember.email!,
      groups: [audienceGroupName(alpha)],
    };
    await expect(subscribe(deps, outsider, planIds.Silver!)).rejects.toThrow(
      'That plan does not exist (any more).',
    );
    await expect(subscribe(deps, outsider, 'nope00')).rejects.toThrow(
      'That plan does not exist (any more).',
    );
    const member = {
      sub: betaMember.sub!,
      email: betaMember.email!,
      groups: [audienceGroupName(beta)],
    };
    expect(await subscribe(deps, member, planIds.Silver!)).toBe('subscribed');
  });

  it('lists audiences by name with their members, and audits who joined', async () => {
    const audiences = await listAudiences(deps);
    expect(audiences).toEqual(
      expect.arrayContaining([
        { id: alpha, name: 'Alpha partners' },
        { id: beta, name: 'Beta testers' },
      ]),
    );
    expect((await audienceMembers(deps, alpha)).map((user) => user.email)).toEqual([
      alphaMember.email,
    ]);
    const trail = await customerAudit(deps, alphaMember.sub!);
    expect(trail.map((entry) => [entry.action, entry.details.audienceId])).toContainEqual([
      'audience.member-added',
      alpha,
    ]);
  });
});
