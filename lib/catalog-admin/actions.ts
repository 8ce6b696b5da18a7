'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { publicPages } from '../admin/revalidation';
import { catalogStoreDeps } from '../gateway/catalog-store';
import { serverAction, type Revalidation } from '../server-action/runner';
import { publishInput, specInput, uploadFields, uploadInput } from '../validation/catalog-admin';
import { settingsFormInput } from '../validation/catalog-settings';
import {
  removeGenericSpec,
  setPublished,
  updateCatalogSettings,
  uploadGenericSpec,
} from './catalog-admin';

const adminPage = '/admin/apis';
/** What the catalog changes: the catalog and docs, the plans page (cached ones too), this page. */
const catalogPages: Revalidation[] = [{ layout: '/apis' }, '/plans', adminPage, ...publicPages];

export const saveCatalogSettingsAction = serverAction({
  caller: 'admin',
  returnTo: adminPage,
  input: settingsFormInput,
  run: async (admin, update) => {
    await updateCatalogSettings(catalogStoreDeps(), admin.email, update);
    return 'Saved. Visitors see the change now.';
  },
  revalidate: catalogPages,
});

export const setPublishedAction = serverAction({
  caller: 'admin',
  returnTo: adminPage,
  input: publishInput,
  run: async (admin, { entry, published }) => {
    await setPublished(catalogStoreDeps(), admin.email, entry, published);
    return published
      ? 'Published: the API is in the catalog.'
      : 'Unpublished: the API and its docs are hidden.';
  },
  revalidate: catalogPages,
});

export const uploadSpecAction = serverAction({
  caller: 'admin',
  returnTo: adminPage,
  input: uploadInput,
  read: uploadFields,
  run: async (admin, { file, specId, revision }) => {
    const header = await uploadGenericSpec(
      catalogStoreDeps(),
      admin.email,
      await file.text(),
      specId && revision ? { id: specId, revision } : undefined,
    );
    return `${specId ? 'Replaced' : 'Published'} "${header.title}" ${header.version}.`;
  },
  revalidate: catalogPages,
});

export const deleteSpecAction = serverAction({
  caller: 'admin',
  returnTo: adminPage,
  input: specInput,
  run: async (_admin, { specId }) => {
    await removeGenericSpec(catalogStoreDeps(), specId);
    // The spec's card, where this form sat, is gone: the page itself says what happened.
    redirect(`${adminPage}?deleted=1`);
  },
  revalidate: catalogPages,
});
