import type { Metadata } from 'next';
import { KeyImportForm } from '@/components/admin/key-import-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Import keys · Admin' };

export default async function KeyImportPage() {
  await requireAdmin('/admin/keys/import');
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import keys"
        description={
          <>
            A CSV in API Gateway&apos;s key file format: <code>Name</code> and <code>Key</code>{' '}
            required, <code>Description</code>, <code>Enabled</code> and <code>UsageplanIds</code>{' '}
            optional. Add a <code>CustomerEmail</code> column to link a key to a customer. Preview
            first: every problem is listed by line, and the import takes every key or none.
          </>
        }
      />
      <KeyImportForm />
    </div>
  );
}
