import Link from 'next/link';
import { Markdown } from '@/components/docs/markdown';
import { GuideNav } from '@/components/guides/guide-nav';
import type { AudienceViewer } from '@/lib/audiences/audience';
import type { GuideNode, PublishedGuide } from '@/lib/guides/guide';
import { guidesFor } from '@/lib/guides/published';

/** The guide if this reader may read it (unpublished or not for them, it does not exist). */
export async function findGuide(slug: string, viewer: AudienceViewer) {
  const { guides, tree } = await guidesFor(viewer);
  return { guide: guides.find((guide) => guide.slug === slug), tree };
}

/** One guide beside the table of contents. */
export function GuideView({ guide, tree }: { guide: PublishedGuide; tree: GuideNode[] }) {
  return (
    <div className="grid gap-10 md:grid-cols-[14rem_1fr]">
      <aside>
        <GuideNav tree={tree} current={guide.slug} />
      </aside>
      <article className="min-w-0 space-y-6">
        <header className="space-y-2">
          <p className="text-sm">
            <Link href="/guides" className="underline">
              Guides
            </Link>{' '}
            / {guide.title}
          </p>
          <h1 className="text-3xl font-bold tracking-tight">{guide.title}</h1>
        </header>
        <Markdown apiLinks>{guide.body}</Markdown>
      </article>
    </div>
  );
}
