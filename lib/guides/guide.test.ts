import { describe, expect, it } from 'vitest';
import { anonymousViewer } from '../audiences/audience';
import { guideFormSchema } from '../validation/guides';
import { apiLinkTarget, guideTree, readableGuides, type Guide, type GuideContent } from './guide';

const content = (fields: Partial<GuideContent> & { slug: string }): GuideContent => ({
  title: fields.slug,
  order: 0,
  body: '',
  audience: { kind: 'public' },
  ...fields,
});
const item = (id: string, fields: Partial<GuideContent> = {}) => ({
  id,
  ...content({ slug: id, ...fields }),
});

describe('the guides navigation tree', () => {
  it('nests children under parents, ordered by order then title', () => {
    const tree = guideTree([
      item('errors', { order: 2 }),
      item('start', { order: 1 }),
      item('keys', { parentId: 'start', title: 'Keys' }),
      item('auth', { parentId: 'start', title: 'Auth' }),
    ]);
    expect(tree.map((node) => [node.slug, node.children.map((child) => child.slug)])).toEqual([
      ['start', ['auth', 'keys']],
      ['errors', []],
    ]);
  });

  it('lifts a guide whose parent is missing or whose ancestors loop to the top level', () => {
    const tree = guideTree([
      item('orphan', { parentId: 'gone' }),
      item('a', { parentId: 'b' }),
      item('b', { parentId: 'a' }),
    ]);
    expect(tree.map((node) => node.slug).sort()).toEqual(['a', 'b', 'orphan']);
  });
});

describe('readable guides', () => {
  const guide = (id: string, published?: Partial<GuideContent>): Guide => ({
    id,
    draft: content({ slug: `${id}-draft` }),
    ...(published
      ? { published: { ...content({ slug: id, ...published }), publishedAt: 1, publishedBy: 'a' } }
      : {}),
    updatedAt: 1,
    updatedBy: 'a',
  });

  it('are the published versions the viewer may see, never drafts', () => {
    const guides = [
      guide('open', {}),
      guide('draft-only'),
      guide('partners', { audience: { kind: 'groups', groups: ['partners'] } }),
    ];
    expect(readableGuides(guides, anonymousViewer).map((g) => g.slug)).toEqual(['open']);
    const partner = { signedIn: true, isAdmin: false, groups: ['partners'] };
    expect(readableGuides(guides, partner).map((g) => g.slug)).toEqual(['open', 'partners']);
  });
});

describe('links to API operations', () => {
  it.each([
    ['api:weather#getForecast', '/apis/weather#op-getForecast'],
    ['api:weather', '/apis/weather'],
    ['api:../admin', undefined],
    ['api:weather#"><script>', undefined],
    ['https://example.com', undefined],
  ])('%s → %s', (url, target) => {
    expect(apiLinkTarget(url)).toBe(target);
  });
});

describe('the guide form', () => {
  it('reads an empty parent as the top level and the audience checkboxes', () => {
    const parsed = guideFormSchema.parse({
      title: ' Getting started ',
      slug: 'getting-started',
      parentId: '',
      order: '1',
      body: 'Hello\r\nworld',
      audience: 'groups',
      'audience-group:partners': 'on',
    });
    expect(parsed).toEqual({
      title: 'Getting started',
      slug: 'getting-started',
      order: 1,
      body: 'Hello\nworld',
      audience: { kind: 'groups', groups: ['partners'] },
    });
  });

  it.each([
    [{ slug: 'Not A Slug' }, 'A slug uses'],
    [{ title: '' }, 'Give the guide a title.'],
    [{ order: '-1' }, 'The order is a whole number'],
    [{ parentId: 'x' }, 'That guide does not exist.'],
  ])('refuses %o', (fields, message) => {
    const result = guideFormSchema.safeParse({
      title: 'T',
      slug: 'ok',
      order: '1',
      body: '',
      ...fields,
    });
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
