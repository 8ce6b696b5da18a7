import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Markdown } from '@/components/docs/markdown';
import { GuideFields } from '@/components/guides/guide-fields';
import { ActionForm } from '@/components/portal/action-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { adminDeps } from '@/lib/admin/server-deps';
import { listAudiences } from '@/lib/audiences/groups';
import { requireAdmin } from '@/lib/auth/session';
import {
  publishGuideAction,
  restoreGuideAction,
  saveGuideAction,
  unpublishGuideAction,
} from '@/lib/guides/actions';
import { guideIdSchema } from '@/lib/guides/guide';
import { guideStoreDeps } from '@/lib/guides/published';
import { guideHistory, readGuides } from '@/lib/store/guides';
import { formatUtc } from '@/lib/format/utc';

export const metadata: Metadata = { title: 'Edit guide · Admin' };

export default async function AdminGuidePage({ params }: { params: Promise<{ id: string }> }) {
  const id = guideIdSchema.safeParse((await params).id);
  await requireAdmin(`/admin/guides`);
  if (!id.success) notFound();
  const deps = guideStoreDeps();
  const [guides, audiences, history] = await Promise.all([
    readGuides(deps),
    listAudiences(adminDeps()),
    guideHistory(deps, id.data),
  ]);
  const guide = guides.find((candidate) => candidate.id === id.data);
  if (!guide) notFound();
  const version = { id: guide.id, updatedAt: String(guide.updatedAt) };
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin/guides" className="underline">
          Guides
        </Link>{' '}
        / {guide.draft.title}
      </p>
      <PageHeader
        title={guide.draft.title}
        description={
          guide.published
            ? `Published ${formatUtc(guide.published.publishedAt)} by ${guide.published.publishedBy} at /guides/${guide.published.slug}.`
            : 'Not published: only admins see this draft.'
        }
      />
      <div className="flex flex-wrap gap-4">
        <ActionForm
          action={publishGuideAction}
          fields={version}
          label="Publish the draft"
          pendingLabel="Publishing…"
        />
        {guide.published && (
          <ActionForm
            action={unpublishGuideAction}
            fields={version}
            label="Unpublish"
            pendingLabel="Unpublishing…"
            variant="secondary"
          />
        )}
      </div>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Draft</h2>
        <ActionForm
          action={saveGuideAction}
          fields={version}
          label="Save draft"
          pendingLabel="Saving…"
        >
          <GuideFields
            idPrefix={`guide-${guide.id}-audience`}
            content={guide.draft}
            parents={guides
              .filter((other) => other.id !== guide.id)
              .map((other) => ({ id: other.id, title: other.draft.title }))}
            audiences={audiences}
          />
        </ActionForm>
      </Card>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">Preview of the saved draft</h2>
        <div className="rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700">
          <h3 className="mb-3 text-2xl font-bold">{guide.draft.title}</h3>
          <Markdown apiLinks>{guide.draft.body}</Markdown>
        </div>
      </Card>
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">History</h2>
        <ul className="space-y-3" aria-label="Versions">
          {history.map((revision) => (
            <li key={revision.revisionId} className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {formatUtc(revision.at)} · {revision.change} by {revision.by} · “
                {revision.content.title}”
              </span>
              <ActionForm
                action={restoreGuideAction}
                fields={{ ...version, revisionId: revision.revisionId }}
                label="Restore as draft"
                pendingLabel="Restoring…"
                variant="secondary"
              />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
