import type { ReactNode } from 'react';
import { adminSections } from '@/components/admin/admin-sections';
import { NavLinks } from '@/components/nav-links';
import { requireAdmin } from '@/lib/auth/session';

/**
 * Every admin page needs an admin: signed-out visitors go to sign in, customers get a 403.
 * Pages and actions check again on their own, because a soft navigation re-renders a page
 * without this layout.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin('/admin');
  return (
    <div className="space-y-8">
      <nav
        aria-label="Admin sections"
        className="overflow-x-auto border-b border-slate-200 pb-2 dark:border-slate-800"
      >
        <NavLinks items={adminSections} />
      </nav>
      {children}
    </div>
  );
}
