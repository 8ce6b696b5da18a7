import type { Metadata } from 'next';
import Link from 'next/link';
import { adminSections } from '@/components/admin/admin-sections';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminHomePage() {
  const admin = await requireAdmin('/admin');
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
        <p className="text-slate-600 dark:text-slate-300">Signed in as {admin.email}.</p>
      </header>
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {adminSections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-xl border border-slate-200 p-5 hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-800"
            >
              <h2 className="font-semibold">{section.label}</h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {section.description}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
