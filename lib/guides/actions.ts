'use server';

import 'server-only';
import { adminPages, publicPages } from '../admin/revalidation';
import { serverAction, type Revalidation } from '../server-action/runner';
import { guideFormSchema, guideRestoreInput, guideVersionInput } from '../validation/guides';
import {
  createGuide,
  publishGuide,
  restoreGuideRevision,
  saveGuideDraft,
  unpublishGuide,
} from './guides';
import { forgetGuides, guideStoreDeps } from './published';

const returnTo = '/admin/guides';

/** After every change: the admin pages, the guides, search and llms.txt read them again. */
const guidePages: Revalidation[] = [
  ...adminPages,
  forgetGuides,
  { layout: '/guides' },
  '/llms.txt',
  ...publicPages,
];

export const createGuideAction = serverAction({
  caller: 'admin',
  returnTo,
  input: guideFormSchema,
  run: async (admin, content) => {
    await createGuide(guideStoreDeps(), admin, content);
    return `Draft "${content.title}" created. Open it above to preview and publish it.`;
  },
  revalidate: guidePages,
});

export const saveGuideAction = serverAction({
  caller: 'admin',
  returnTo,
  input: guideVersionInput.and(guideFormSchema),
  run: async (admin, { id, updatedAt, ...content }) => {
    await saveGuideDraft(guideStoreDeps(), admin, id, updatedAt, content);
    return 'Draft saved. Visitors still read the published version until you publish.';
  },
  revalidate: guidePages,
});

export const publishGuideAction = serverAction({
  caller: 'admin',
  returnTo,
  input: guideVersionInput,
  run: async (admin, { id, updatedAt }) => {
    const guide = await publishGuide(guideStoreDeps(), admin, id, updatedAt);
    return `Published: /guides/${guide.draft.slug}.`;
  },
  revalidate: guidePages,
});

export const unpublishGuideAction = serverAction({
  caller: 'admin',
  returnTo,
  input: guideVersionInput,
  run: async (admin, { id, updatedAt }) => {
    await unpublishGuide(guideStoreDeps(), admin, id, updatedAt);
    return 'Unpublished: visitors no longer find it.';
  },
  revalidate: guidePages,
});

export const restoreGuideAction = serverAction({
  caller: 'admin',
  returnTo,
  input: guideRestoreInput,
  run: async (admin, { id, updatedAt, revisionId }) => {
    await restoreGuideRevision(guideStoreDeps(), admin, id, updatedAt, revisionId);
    return 'That version is the draft again. Publish it to show it to visitors.';
  },
  revalidate: guidePages,
});
