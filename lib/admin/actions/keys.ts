'use server';

import 'server-only';
import { serverAction } from '../../server-action/runner';
import { bulkDisableFields, bulkDisableInput, keyImportInput } from '../../validation/admin';
import { bulkDisableKeys } from '../bulk-disable';
import { importKeyFile, previewKeyImport, type ImportPreview } from '../key-import';
import { adminDeps } from '../server-deps';
import { adminPages } from '../revalidation';

const plural = (count: number) => (count === 1 ? '' : 's');

export const importKeysAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/keys/import',
  input: keyImportInput,
  run: async (admin, { intent, csv }) => {
    if (intent === 'preview') {
      const preview: ImportPreview = await previewKeyImport(adminDeps(), csv);
      return { status: 'success', message: 'Dry run: nothing was imported.', data: preview };
    }
    const { imported, linked } = await importKeyFile(adminDeps(), admin, csv);
    return `Imported ${imported} key${plural(imported)}${linked > 0 ? `, ${linked} linked to customers` : ''}.`;
  },
  revalidate: adminPages,
});

export const bulkDisableAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/keys',
  input: bulkDisableInput,
  read: bulkDisableFields,
  run: async (admin, { keyIds, reason }) => {
    const { disabled, skipped } = await bulkDisableKeys(adminDeps(), admin, keyIds, reason);
    return `Disabled ${disabled} key${plural(disabled)}${skipped > 0 ? ` (${skipped} already disabled or gone)` : ''}.`;
  },
  revalidate: adminPages,
});
