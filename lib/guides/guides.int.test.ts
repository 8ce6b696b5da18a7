import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymousViewer, type AudienceViewer } from '../audiences/audience';
import { accountAudit } from '../store/audit';
import { guideHistory, readGuides } from '../store/guides';
import { testCatalogDeps } from '../testing/catalog-store';
import { guideTree, readableGuides, type GuideContent } from './guide';
import {
  createGuide,
  publishGuide,
  restoreGuideRevision,
  saveGuideDraft,
  unpublishGuide,
} from './guides';

const deps = testCatalogDeps();
const admin = { sub: 'admin-sub', email: 'guides-admin@example.test' };
const created: string[] = [];
const content = (fields: Partial<GuideContent> = {}): GuideContent => ({
  title: 'Getting started',
  slug: `start-${created.length}-${Date.now()}`,
  order: 1,
  body: 'Call [the forecast](api:weather#getForecast).',
  audience: { kind: 'public' },
  ...fields,
});

afterAll(async () => {
  for (const id of created)
    await deps.dynamo.send(
      new DeleteCommand({ TableName: deps.tableName, Key: { pk: 'GUIDES', sk: id } }),
    );
});

describe('guides against the local stack', () => {
  it('keeps a draft private until published, then shows the published version only', async () => {
    const guide = await createGuide(deps, admin, content());
    created.push(guide.id);
    const readable = async () =>
      readableGuides(await readGuides(deps), anonymousViewer).filter((g) => g.id === guide.id);
    expect(await readable()).toEqual([]);

    const published = await publishGuide(deps, admin, guide.id, guide.updatedAt);
    expect((await readable()).map((g) => g.title)).toEqual(['Getting started']);

    const edited = await saveGuideDraft(deps, admin, guide.id, published.updatedAt, {
      ...published.draft,
      title: 'Start here',
    });
    expect((await readable()).map((g) => g.title)).toEqual(['Getting started']);

    // A page built before the edit cannot overwrite it.
    await expect(
      saveGuideDraft(deps, admin, guide.id, published.updatedAt, published.draft),
    ).rejects.toThrow('Someone else changed this guide meanwhile');

    const history = await guideHistory(deps, guide.id);
    expect(history.map((revision) => revision.change)).toEqual(['saved', 'published', 'saved']);
    const first = history[2];
    if (!first) throw new Error('no first revision');
    const restored = await restoreGuideRevision(
      deps,
      admin,
      guide.id,
      edited.updatedAt,
      first.revisionId,
    );
    expect(restored.draft.title).toBe('Getting started');

    await unpublishGuide(deps, admin, guide.id, restored.updatedAt);
    expect(await readable()).toEqual([]);

    const trail = await accountAudit(deps, { from: Date.now() - 60_000, to: Date.now() + 1000 });
    expect(
      trail
        .filter((entry) => entry.customerSub === `guide:${guide.id}`)
        .map((entry) => entry.action)
        .reverse(),
    ).toEqual([
      'guide.saved',
      'guide.published',
      'guide.saved',
      'guide.restored',
      'guide.unpublished',
    ]);
  });

  it('nests guides, refuses a taken slug, and hides a guide from readers outside its audience', async () => {
    const parent = await createGuide(deps, admin, content({ title: 'Parent' }));
    created.push(parent.id);
    await expect(createGuide(deps, admin, content({ slug: parent.draft.slug }))).rejects.toThrow(
      `The slug "${parent.draft.slug}" is used by the guide "Parent"`,
    );
    const child = await createGuide(
      deps,
      admin,
      content({
        title: 'Partners only',
        parentId: parent.id,
        audience: { kind: 'groups', groups: ['partners'] },
      }),
    );
    created.push(child.id);
    await publishGuide(deps, admin, parent.id, parent.updatedAt);
    await publishGuide(deps, admin, child.id, child.updatedAt);
    const guides = (await readGuides(deps)).filter((g) => created.includes(g.id));
    const partner: AudienceViewer = { signedIn: true, isAdmin: false, groups: ['partners'] };
    const titles = (viewer: AudienceViewer) =>
      guideTree(readableGuides(guides, viewer))
        .filter((node) => node.id === parent.id)
        .map((node) => [node.title, node.children.map((c) => c.title)]);
    expect(titles(partner)).toEqual([['Parent', ['Partners only']]]);
    expect(titles(anonymousViewer)).toEqual([['Parent', []]]);
  });
});
