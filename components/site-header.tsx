import Link from 'next/link';
import { SignOutButton } from './auth/sign-out-button';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { NavLinks } from './nav-links';
import { SearchButton } from './search/search-button';
import { ThemeToggle } from './theme/theme-toggle';
import type { NavItem, Viewer } from './types';
import { ButtonLink } from './ui/button';

const sections: NavItem[] = [
  { href: '/apis', label: 'APIs' },
  { href: '/guides', label: 'Guides' },
  { href: '/plans', label: 'Plans' },
  { href: '/dashboard', label: 'Dashboard' },
];
const adminSection: NavItem = { href: '/admin', label: 'Admin' };

/** The admin link is a convenience only: every admin page checks the role on the server. */
export function SiteHeader({ viewer }: { viewer: Viewer }) {
  const items = viewer?.isAdmin ? [...sections, adminSection] : sections;
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500"
        >
          <Logo />
          Portico
        </Link>
        <nav aria-label="Main" className="ml-4 hidden md:block">
          <NavLinks items={items} />
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <SearchButton />
          <ThemeToggle />
          <div className="hidden items-center gap-3 md:flex">
            <Account viewer={viewer} />
          </div>
          <MobileMenu>
            <nav aria-label="Main">
              <NavLinks items={items} stacked />
            </nav>
            <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
              <Account viewer={viewer} />
            </div>
          </MobileMenu>
        </div>
      </div>
    </header>
  );
}

function Account({ viewer }: { viewer: Viewer }) {
  if (!viewer)
    return (
      <ButtonLink href="/sign-in" size="sm">
        Sign in
      </ButtonLink>
    );
  const unread = viewer.unread ?? 0;
  return (
    <>
      <Link
        href="/dashboard/notifications"
        data-testid="notifications-link"
        className="relative rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Notifications
        {unread > 0 && (
          <span className="ml-1 rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </Link>
      <span
        title={viewer.email}
        className="max-w-48 truncate text-sm text-slate-600 dark:text-slate-400"
      >
        <span className="sr-only">Signed in as </span>
        {viewer.email}
      </span>
      <SignOutButton />
    </>
  );
}
