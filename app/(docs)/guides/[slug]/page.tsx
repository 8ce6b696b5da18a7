import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Markdown } from '@/components/docs/markdown';
import { GuideNav } from '@/components/guides/guide-nav';
import { audienceViewer } from '@/lib/audiences/viewer';
import { guidesFor } from '@/lib/guides/published';

type Props = { params: Promise<{ slug: string }> };

/** The guide if this reader may read it: unpublished or not for them, it does not exist. */
async function load(slug: string) {
  const { guides, tree } = await guidesFor(await audienceViewer());
  return { guide: guides.find((guide) => guide.slug === slug), tree };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { guide } = await load((await params).slug);
  return { title: guide ? guide.title : 'Guide not found' };
}

export default async function GuidePage({ params }: Props) {
  const { slug } = await params;
  const { guide, tree } = await load(slug);
  if (!guide) notFound();
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
