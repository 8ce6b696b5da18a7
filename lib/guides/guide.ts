import { z } from 'zod';
import { audienceSchema, canSee, publicAudience, type AudienceViewer } from '../audiences/audience';
import { slugSchema } from '../validation/catalog-settings';

export const guideIdSchema = z.uuid('That guide does not exist.');

/** What an admin writes: a Markdown page and where it sits in the navigation tree. */
export const guideContentSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the guide a title.')
    .max(120, 'A title has at most 120 characters.'),
  /** The address `/guides/{slug}`. */
  slug: slugSchema,
  /** The guide it sits under in the navigation, if any. */
  parentId: guideIdSchema.optional(),
  /** Lower comes first among siblings; equal orders sort by title. */
  order: z.coerce
    .number({ error: 'The order is a whole number from 0 to 999.' })
    .int('The order is a whole number from 0 to 999.')
    .min(0, 'The order is a whole number from 0 to 999.')
    .max(999, 'The order is a whole number from 0 to 999.'),
  /** Markdown, rendered like API descriptions: no raw HTML, no unsafe URLs. */
  body: z.string().max(50_000, 'A guide has at most 50,000 characters.'),
  audience: audienceSchema.default(publicAudience),
});
export type GuideContent = z.infer<typeof guideContentSchema>;

export const guideSchema = z.object({
  id: guideIdSchema,
  draft: guideContentSchema,
  /** What visitors read; absent until the first publication and after unpublishing. */
  published: guideContentSchema
    .extend({ publishedAt: z.number(), publishedBy: z.string() })
    .optional(),
  updatedAt: z.number(),
  updatedBy: z.string(),
});
export type Guide = z.infer<typeof guideSchema>;
export type PublishedGuide = GuideContent & { id: string; publishedAt: number };

/** The published guides this viewer may read. */
export function readableGuides(guides: Guide[], viewer: AudienceViewer): PublishedGuide[] {
  return guides.flatMap((guide) =>
    guide.published && canSee(guide.published.audience, viewer)
      ? [{ ...guide.published, id: guide.id }]
      : [],
  );
}

export interface GuideNode {
  id: string;
  title: string;
  slug: string;
  children: GuideNode[];
}

type TreeItem = Pick<GuideContent, 'title' | 'slug' | 'parentId' | 'order'> & { id: string };

/**
 * The navigation tree of the given guides. A guide whose parent is not among them (not
 * published, or not for this reader), or whose ancestors loop, moves up to the top level
 * rather than disappearing.
 */
export function guideTree(guides: TreeItem[]): GuideNode[] {
  const byId = new Map(guides.map((guide) => [guide.id, guide]));
  const reachesTop = (guide: TreeItem) => {
    const seen = new Set([guide.id]);
    for (let parent = guide.parentId; parent !== undefined;) {
      const next = byId.get(parent);
      if (!next) return true;
      if (seen.has(parent)) return false;
      seen.add(parent);
      parent = next.parentId;
    }
    return true;
  };
  const parentOf = (guide: TreeItem) =>
    guide.parentId && byId.has(guide.parentId) && reachesTop(guide) ? guide.parentId : undefined;
  const sorted = [...guides].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const childrenOf = (parentId: string | undefined): GuideNode[] =>
    sorted
      .filter((guide) => parentOf(guide) === parentId)
      .map(({ id, title, slug }) => ({ id, title, slug, children: childrenOf(id) }));
  return childrenOf(undefined);
}

/**
 * Guides link to an operation of an API reference as `api:{slug}#{operationId}` (or
 * `api:{slug}` for the whole reference); the docs page anchors each operation as `op-{id}`.
 */
export function apiLinkTarget(url: string): string | undefined {
  const match = /^api:([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([A-Za-z0-9_.-]+))?$/.exec(url);
  if (!match) return undefined;
  const [, slug, operationId] = match;
  return operationId ? `/apis/${slug}#op-${operationId}` : `/apis/${slug}`;
}
