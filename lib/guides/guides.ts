import { randomUUID } from 'node:crypto';
import type { Customer } from '../gateway/customer-keys';
import { PortalError } from '../portal/errors';
import { searchContentChanged } from '../search/search-service';
import { recordAudit } from '../store/audit';
import {
  GuideChangedError,
  guideHistory,
  readGuides,
  writeGuide,
  type GuideRevision,
  type GuideStoreDeps,
} from '../store/guides';
import type { Guide, GuideContent } from './guide';

/*
 * The admin's use cases for guides. Each change is one conditional write of the guide (guarded
 * by the `updatedAt` the admin's page was built from), one revision and one audit entry.
 */
const subject = (id: string) => `guide:${id}`;

async function loadGuide(deps: GuideStoreDeps, id: string) {
  const guides = await readGuides(deps);
  const guide = guides.find((candidate) => candidate.id === id);
  if (!guide) throw new PortalError('That guide does not exist (any more).', 'not-found');
  return { guides, guide };
}

/** Slugs are unique among guides; a parent must be another existing guide. */
function checkPlace(guides: Guide[], id: string, content: GuideContent) {
  const clash = guides.find(
    (other) =>
      other.id !== id &&
      (other.draft.slug === content.slug || other.published?.slug === content.slug),
  );
  if (clash)
    throw new PortalError(
      `The slug "${content.slug}" is used by the guide "${clash.draft.title}". Choose another one.`,
      'invalid',
    );
  if (content.parentId === id) throw new PortalError('A guide cannot sit under itself.', 'invalid');
  if (content.parentId && !guides.some((other) => other.id === content.parentId))
    throw new PortalError('The parent guide does not exist (any more).', 'invalid');
}

async function change(
  deps: GuideStoreDeps,
  admin: Customer,
  guide: Guide,
  expectedUpdatedAt: number | undefined,
  what: GuideRevision['change'],
  content: GuideContent,
) {
  const updated = {
    ...guide,
    updatedAt: Math.max(deps.now(), (expectedUpdatedAt ?? 0) + 1),
    updatedBy: admin.email,
  };
  try {
    await writeGuide(deps, updated, expectedUpdatedAt, what, content);
  } catch (error) {
    if (error instanceof GuideChangedError) throw new PortalError(error.message, 'invalid');
    throw error;
  }
  await recordAudit(deps, {
    actor: admin,
    customerSub: subject(guide.id),
    action: `guide.${what}`,
    details: { guideId: guide.id, title: content.title, slug: content.slug },
  });
  return updated;
}

export async function createGuide(
  deps: GuideStoreDeps,
  admin: Customer,
  content: GuideContent,
): Promise<Guide> {
  const id = randomUUID();
  const guides = await readGuides(deps);
  checkPlace(guides, id, content);
  const guide: Guide = { id, draft: content, updatedAt: 0, updatedBy: admin.email };
  return change(deps, admin, guide, undefined, 'saved', content);
}

export async function saveGuideDraft(
  deps: GuideStoreDeps,
  admin: Customer,
  id: string,
  expectedUpdatedAt: number,
  content: GuideContent,
): Promise<Guide> {
  const { guides, guide } = await loadGuide(deps, id);
  checkPlace(guides, id, content);
  return change(deps, admin, { ...guide, draft: content }, expectedUpdatedAt, 'saved', content);
}

/** Visitors read the draft as it is now; search and llms.txt follow. */
export async function publishGuide(
  deps: GuideStoreDeps,
  admin: Customer,
  id: string,
  expectedUpdatedAt: number,
): Promise<Guide> {
  const { guides, guide } = await loadGuide(deps, id);
  checkPlace(guides, id, guide.draft);
  const published = { ...guide.draft, publishedAt: deps.now(), publishedBy: admin.email };
  const updated = await change(
    deps,
    admin,
    { ...guide, published },
    expectedUpdatedAt,
    'published',
    guide.draft,
  );
  await searchContentChanged(deps);
  return updated;
}

export async function unpublishGuide(
  deps: GuideStoreDeps,
  admin: Customer,
  id: string,
  expectedUpdatedAt: number,
): Promise<Guide> {
  const { guide } = await loadGuide(deps, id);
  const updated = await change(
    deps,
    admin,
    { ...guide, published: undefined },
    expectedUpdatedAt,
    'unpublished',
    guide.draft,
  );
  await searchContentChanged(deps);
  return updated;
}

/** The draft becomes a revision's content again; publishing it stays a separate step. */
export async function restoreGuideRevision(
  deps: GuideStoreDeps,
  admin: Customer,
  id: string,
  expectedUpdatedAt: number,
  revisionId: string,
): Promise<Guide> {
  const { guides, guide } = await loadGuide(deps, id);
  const revision = (await guideHistory(deps, id, 1000)).find(
    (candidate) => candidate.revisionId === revisionId,
  );
  if (!revision) throw new PortalError('That version does not exist (any more).', 'not-found');
  checkPlace(guides, id, revision.content);
  return change(
    deps,
    admin,
    { ...guide, draft: revision.content },
    expectedUpdatedAt,
    'restored',
    revision.content,
  );
}
