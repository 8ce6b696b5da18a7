import { randomUUID } from 'node:crypto';
import { DeleteGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupsOf } from '../admin/cognito-users';
import {
  anonymousViewer,
  audienceGroupName,
  memberViewer,
  type Audience,
  type AudienceViewer,
} from '../audiences/audience';
import { addAudienceMember, createAudience } from '../audiences/groups';
import {
  removeGenericSpec,
  setPublished,
  updateCatalogSettings,
  uploadGenericSpec,
} from '../catalog-admin/catalog-admin';
import { getAdminCatalog } from '../gateway/catalog';
import { createGuide, publishGuide, unpublishGuide } from '../guides/guides';
import { deleteSearchSummary, readSearchSummaries } from '../store/search-summaries';
import { testAccounts, testAdminDeps } from '../testing/admin-deps';
import { resetCatalogStore, testCatalogDeps } from '../testing/catalog-store';
import { search, searchContentChanged } from './search-service';

const deps = testAdminDeps();
const catalogDeps = testCatalogDeps();
const accounts = testAccounts(deps);
const admin = { sub: 'admin-sub', email: 'admin@example.test' };
const adminViewer: AudienceViewer = { signedIn: true, isAdmin: true, groups: [] };
const alpha = `alpha-${randomUUID().slice(0, 8)}`;
const beta = `beta-${randomUUID().slice(0, 8)}`;
let alphaViewer: AudienceViewer;
let betaViewer: AudienceViewer;

const tides = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Tides', version: '1.0.0', description: 'High and low water' },
  paths: {
    '/tides/{port}': {
      get: { operationId: 'getTides', summary: 'Tide table for a port', responses: {} },
    },
  },
  components: { schemas: { TideTable: { description: 'High and low water times' } } },
});

/** What a query finds in the catalog; the seeded guide is public and mentions much of it. */
const titles = async (query: string, viewer: AudienceViewer) =>
  (await search(query, viewer))
    .filter((result) => result.kind !== 'guide')
    .map((result) => result.title);

const entryOf = async (slug: string) =>
  (await getAdminCatalog()).find((api) => api.slug === slug)!.entry;

async function setAudience(slug: string, audience: Audience) {
  await updateCatalogSettings(catalogDeps, admin.email, {
    entry: await entryOf(slug),
    settings: { published: true, tags: [], sortOrder: 0, audience },
  });
}

beforeAll(async () => {
  await createAudience(deps, admin, { id: alpha, name: 'Alpha partners' });
  await createAudience(deps, admin, { id: beta, name: 'Beta testers' });
  const [first, second] = [await accounts.create(), await accounts.create()];
  await addAudienceMember(deps, admin, alpha, first.email);
  await addAudienceMember(deps, admin, beta, second.email);
  // Each viewer is built from the groups Cognito holds for the person, as their session is.
  alphaViewer = memberViewer({ groups: await groupsOf(deps, first.username) });
  betaViewer = memberViewer({ groups: await groupsOf(deps, second.username) });
});

afterAll(async () => {
  await resetCatalogStore(catalogDeps);
  await searchContentChanged(catalogDeps);
  await accounts.removeAll();
  for (const id of [alpha, beta])
    await deps.cognito.send(
      new DeleteGroupCommand({ UserPoolId: deps.userPoolId, GroupName: audienceGroupName(id) }),
    );
});

describe('the search index against the local stack', () => {
  it('indexes a spec when it is uploaded, drops it when unpublished or deleted', async () => {
    expect(await titles('gettides', adminViewer)).toEqual([]);
    const header = await uploadGenericSpec(catalogDeps, admin.email, tides);
    const stored = (await readSearchSummaries(catalogDeps)).get(`generic:${header.id}`);
    expect(stored?.source).toBe(`spec:${header.revision}`);
    expect(stored?.summary.operations.map((op) => op.operationId)).toEqual(['getTides']);
    expect(await search('gettides', anonymousViewer)).toEqual([
      {
        kind: 'operation',
        title: 'GET /tides/{port}',
        detail: 'Tide table for a port',
        context: 'Tides',
        href: '/apis/tides#op-getTides',
      },
    ]);
    expect(await titles('tidetable', anonymousViewer)).toEqual(['TideTable']);

    await setPublished(catalogDeps, admin.email, `generic:${header.id}`, false);
    expect((await readSearchSummaries(catalogDeps)).has(`generic:${header.id}`)).toBe(false);
    expect(await titles('tides', adminViewer)).toEqual([]);

    await setPublished(catalogDeps, admin.email, `generic:${header.id}`, true);
    expect(await titles('gettides', anonymousViewer)).toEqual(['GET /tides/{port}']);

    // A replaced spec's summary replaces the old one, which is deleted.
    const renamed = tides.replace('getTides', 'listTides');
    const replaced = await uploadGenericSpec(catalogDeps, admin.email, renamed, header);
    expect(await titles('gettides', anonymousViewer)).toEqual([]);
    expect(await titles('listtides', anonymousViewer)).toEqual(['GET /tides/{port}']);
    const { Items } = await catalogDeps.dynamo.send(
      new QueryCommand({
        TableName: catalogDeps.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
        ExpressionAttributeValues: { ':pk': 'SEARCH', ':entry': `DOC#generic:${header.id}#` },
      }),
    );
    expect(Items?.map((item) => item.source)).toEqual([`spec:${replaced.revision}`]);

    await removeGenericSpec(catalogDeps, header.id);
    expect((await readSearchSummaries(catalogDeps)).has(`generic:${header.id}`)).toBe(false);
    expect(await titles('tides', adminViewer)).toEqual([]);
  });

  it("summarises a published stage it has no summary of once, from API Gateway's export", async () => {
    const weather = await entryOf('weather');
    await deleteSearchSummary(catalogDeps, weather);
    await searchContentChanged(catalogDeps);
    expect(await titles('getforecast', anonymousViewer)).toEqual(['GET /forecast/{city}']);
    const first = (await readSearchSummaries(catalogDeps)).get(weather);
    expect(first?.source).toMatch(/^stage:\w+:prod:/);

    await searchContentChanged(catalogDeps);
    expect(await titles('listcities', anonymousViewer)).toEqual(['GET /cities']);
    // The next build used the stored summary: nothing was summarised again.
    expect((await readSearchSummaries(catalogDeps)).get(weather)?.builtAt).toBe(first?.builtAt);
  });

  it('finds for each person only what their audiences allow', async () => {
    const header = await uploadGenericSpec(catalogDeps, admin.email, tides);
    await setAudience('weather', { kind: 'groups', groups: [alpha] });
    await setAudience('tides', { kind: 'groups', groups: [beta] });
    const surfaces = async (viewer: AudienceViewer) => ({
      weather: await titles('forecast', viewer),
      tides: await titles('tides', viewer),
      payments: (await titles('payment', viewer)).length > 0,
    });

    expect(await surfaces(anonymousViewer)).toEqual({ weather: [], tides: [], payments: true });
    expect(await surfaces(alphaViewer)).toEqual({
      weather: ['Forecast', 'GET /forecast/{city}', 'Weather'],
      tides: [],
      payments: true,
    });
    expect(await surfaces(betaViewer)).toEqual({
      weather: [],
      tides: ['Tides', 'GET /tides/{port}', 'TideTable'],
      payments: true,
    });
    await removeGenericSpec(catalogDeps, header.id);
  });
});

describe('guides in the search index against the local stack', () => {
  it('finds a guide once it is published, for its audience only, and not after unpublishing', async () => {
    const guides = async (viewer: AudienceViewer) =>
      (await search('moonrise', viewer)).map((result) => `${result.kind}:${result.title}`);
    const draft = await createGuide(catalogDeps, admin, {
      title: 'Moonrise and tides',
      slug: `moonrise-${Date.now()}`,
      order: 5,
      body: 'Why the **moonrise** moves the tides.',
      audience: { kind: 'groups', groups: [beta] },
    });
    try {
      expect(await guides(betaViewer)).toEqual([]);
      const published = await publishGuide(catalogDeps, admin, draft.id, draft.updatedAt);
      expect(await guides(betaViewer)).toEqual(['guide:Moonrise and tides']);
      expect(await guides(alphaViewer)).toEqual([]);
      expect(await guides(anonymousViewer)).toEqual([]);
      await unpublishGuide(catalogDeps, admin, draft.id, published.updatedAt);
      expect(await guides(betaViewer)).toEqual([]);
    } finally {
      await catalogDeps.dynamo.send(
        new DeleteCommand({
          TableName: catalogDeps.tableName,
          Key: { pk: 'GUIDES', sk: draft.id },
        }),
      );
    }
  });
});
