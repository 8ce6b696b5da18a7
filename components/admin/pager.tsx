import Link from 'next/link';

/** Previous / next links for a server-side paged list. */
export function Pager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const link = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700';
  return (
    <nav aria-label="Pages" className="flex items-center gap-3">
      {page > 1 && (
        <Link href={href(page - 1)} className={link} rel="prev">
          Previous
        </Link>
      )}
      <span className="text-sm text-slate-600 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className={link} rel="next">
          Next
        </Link>
      )}
    </nav>
  );
}
