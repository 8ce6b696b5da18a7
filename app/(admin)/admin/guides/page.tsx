import type { Metadata } from 'next';
import Link from 'next/link';
import { GuideFields } from '@/components/guides/guide-fields';
import { ActionForm } from '@/components/portal/action-form';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { adminDeps } from '@/lib/admin/server-deps';
import { listAudiences } from '@/lib/audiences/groups';
import { requireAdmin } from '@/lib/auth/session';
import { createGuideAction } from '@/lib/guides/actions';
import { guideTree, type GuideNode } from '@/lib/guides/guide';
import { readGuides } from '@/lib/store/guides';
import { guideStoreDeps } from '@/lib/guides/published';

export const metadata: Metadata = { title: 'Guides · Admin' };

export default async function AdminGuidesPage() {
  await requireAdmin('/admin/guides');
  const [guides, audiences] = await Promise.all([
    readGuides(guideStoreDeps()),
    listAudiences(adminDeps()),
  ]);
  const byId = new Map(guides.map((guide) => [guide.id, guide]));
  const tree = guideTree(guides.map((guide) => ({ id: guide.id, ...guide.draft })));
  const state = (id: string) => {
    const guide = byId.get(id);
    if (!guide?.published) return 'draft only';
    return guide.published.publishedAt >= guide.updatedAt
      ? 'published'
      : 'published, draft changed';
  };
  const list = (nodes: GuideNode[]) => (
    <ul className="space-y-2 [&_ul]:mt-2 [&_ul]:ml-6">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link href={`/admin/guides/${node.id}`} className="font-medium underline">
            {node.title}
          </Link>{' '}
          <span className="font-mono text-sm text-slate-500 dark:text-slate-400">
            /guides/{node.slug}
          </span>{' '}
          <span className="text-sm text-slate-600 dark:text-slate-400">· {state(node.id)}</span>
          {node.children.length > 0 && list(node.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-8">
      <PageHeader
        title="Guides"
        description="Markdown pages beside the API references: getting started, authentication, errors, changelog. Drafts stay private until published."
      />
      {tree.length === 0 ? (
        <EmptyState title="No guides yet" description="Write the first one below." />
      ) : (
        <Card as="section">{list(tree)}</Card>
      )}
      <Card as="section">
        <h2 className="mb-3 text-lg font-semibold">New guide</h2>
        <ActionForm
          action={createGuideAction}
          fields={{}}
          label="Create draft"
          pendingLabel="Creating…"
        >
          <GuideFields
            idPrefix="new-guide-audience"
            parents={guides.map((guide) => ({ id: guide.id, title: guide.draft.title }))}
            audiences={audiences}
          />
        </ActionForm>
      </Card>
    </div>
  );
}
