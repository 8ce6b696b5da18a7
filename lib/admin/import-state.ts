import type { ImportPreview } from './key-import';

/** What the key import form shows after a dry run or an import. */
export type ImportState =
  | { status: 'idle' }
  | { status: 'preview'; preview: ImportPreview }
  | { status: 'success'; message: string }
  | { status: 'error'; message: string };
