import Link from 'next/link';
import type { GuideNode } from '@/lib/guides/guide';

/** The guides' navigation tree; the page being read is marked for assistive technology too. */
export function GuideNav({ tree, current }: { tree: GuideNode[]; current?: string }) {
  return (
    <nav aria-label="Guides" className="text-sm">
      <GuideList nodes={tree} current={current} />
    </nav>
  );
}

function GuideList({ nodes, current }: { nodes: GuideNode[]; current?: string }) {
  return (
    <ul className="space-y-1 [&_ul]:mt-1 [&_ul]:ml-3 [&_ul]:border-l [&_ul]:border-slate-200 [&_ul]:pl-3 dark:[&_ul]:border-slate-800">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link
            href={`/guides/${node.slug}`}
            aria-current={node.slug === current ? 'page' : undefined}
            className={`block rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${node.slug === current ? 'bg-indigo-50 font-semibold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300' : ''}`}
          >
            {node.title}
          </Link>
          {node.children.length > 0 && <GuideList nodes={node.children} current={current} />}
        </li>
      ))}
    </ul>
  );
}
