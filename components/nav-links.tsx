'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from './types';
import { useViewer } from './viewer-context';

/**
 * The section links, and `adminItem` once the viewer turns out to be an admin; the one
 * containing the current page gets `aria-current="page"`.
 */
export function NavLinks({
  items: sections,
  adminItem,
  stacked = false,
}: {
  items: NavItem[];
  adminItem?: NavItem;
  stacked?: boolean;
}) {
  const pathname = usePathname();
  const isAdmin = useViewer()?.isAdmin ?? false;
  const items = adminItem && isAdmin ? [...sections, adminItem] : sections;
  return (
    <ul className={stacked ? 'flex flex-col gap-1' : 'flex items-center gap-1'}>
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${
                current
                  ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300'
                  : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
