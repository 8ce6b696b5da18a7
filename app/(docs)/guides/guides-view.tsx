import Link from 'next/link';
import { GuideNav } from '@/components/guides/guide-nav';
import { EmptyState } from '@/components/ui/empty-state';
import type { GuideNode } from '@/lib/guides/guide';

/** The guides' table of contents (what this reader may read). */
export function GuidesView({ tree }: { tree: GuideNode[] }) {
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Guides</h1>
        <p className="text-slate-600 dark:text-slate-300">
          How to get started, authenticate and handle errors; the{' '}
          <Link href="/apis" className="underline">
            API references
          </Link>{' '}
          have every operation.
        </p>
      </header>
      {tree.length === 0 ? (
        <EmptyState
          title="No guides yet"
          description="Guides appear here once they are published."
        />
      ) : (
        <GuideNav tree={tree} />
      )}
    </div>
  );
}
