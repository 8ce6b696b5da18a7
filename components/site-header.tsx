import Link from 'next/link';
import { AccountLinks } from './auth/account-links';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { NavLinks } from './nav-links';
import { SearchButton } from './search/search-button';
import { ThemeToggle } from './theme/theme-toggle';
import type { NavItem } from './types';
import { ViewerProvider } from './viewer-context';

const sections: NavItem[] = [
  { href: '/apis', label: 'APIs' },
  { href: '/guides', label: 'Guides' },
  { href: '/plans', label: 'Plans' },
  { href: '/dashboard', label: 'Dashboard' },
];
const adminSection: NavItem = { href: '/admin', label: 'Admin' };

/**
 * The same HTML for every visitor (public pages come from cache); who is signed in arrives from
 * /api/viewer (ViewerProvider). The admin link is a convenience only: every admin page checks
 * the role on the server.
 */
export function SiteHeader() {
  return (
    <ViewerProvider>
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
            <NavLinks items={sections} adminItem={adminSection} />
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <SearchButton />
            <ThemeToggle />
            <div className="hidden items-center gap-3 md:flex">
              <AccountLinks />
            </div>
            <MobileMenu>
              <nav aria-label="Main">
                <NavLinks items={sections} adminItem={adminSection} stacked />
              </nav>
              <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
                <AccountLinks />
              </div>
            </MobileMenu>
          </div>
        </div>
      </header>
    </ViewerProvider>
  );
}
