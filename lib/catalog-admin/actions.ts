'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAdmin } from '../auth/session';
import { catalogStoreDeps } from '../gateway/catalog-store';
import type { ActionResult } from '../portal/action-result';
import { catalogEntryKeySchema, settingsFromForm } from '../validation/catalog-settings';
import { maxSpecBytes } from '../validation/openapi-upload';
import {
  CatalogAdminError,
  removeGenericSpec,
  setPublished,
  updateCatalogSettings,
  uploadGenericSpec,
} from './catalog-admin';

/*
 * Every action checks the admin session first (the form never says who acts) and validates the
 * form with zod before anything is read or written.
 */
const adminPage = '/admin/apis';
const fields = (form: FormData) => Object.fromEntries(form.entries());
const invalid = (error: z.ZodError): ActionResult => ({
  status: 'error',
  message: error.issues[0]?.message ?? 'That form was not valid.',
});

const publishInput = z.object({
  entry: catalogEntryKeySchema,
  published: z.enum(['true', 'false']),
});
const specInput = z.object({ specId: z.uuid('That spec does not exist.') });
const uploadInput = z
  .object({
    file: z
      .instanceof(File, { error: 'Choose an OpenAPI file (JSON or YAML).' })
      .refine((file) => file.size > 0, 'Choose an OpenAPI file (JSON or YAML).')
      .refine((file) => file.size <= maxSpecBytes, 'The file is larger than 5 MB.'),
    specId: z.uuid().optional(),
    revision: z.uuid().optional(),
  })
  // A replacement names the revision it replaces, so two admins cannot overwrite each other.
  .refine((input) => !input.specId === !input.revision, 'Reload the page and try again.');

function failed(error: unknown): ActionResult {
  if (error instanceof CatalogAdminError) return { status: 'error', message: error.message };
  console.error('[catalog-admin] action failed', error);
  return {
    status: 'error',
    message: 'Something went wrong on our side and nothing was changed. Please try again.',
  };
}

function refreshCatalogPages() {
  revalidatePath('/apis', 'layout');
  revalidatePath('/plans');
  revalidatePath(adminPage);
}

export async function saveCatalogSettingsAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const admin = await requireAdmin(adminPage);
  const input = settingsFromForm(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    await updateCatalogSettings(catalogStoreDeps(), admin.email, input.data);
    refreshCatalogPages();
    return { status: 'success', message: 'Saved. Visitors see the change now.' };
  } catch (error) {
    return failed(error);
  }
}

export async function setPublishedAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const admin = await requireAdmin(adminPage);
  const input = publishInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  const published = input.data.published === 'true';
  try {
    await setPublished(catalogStoreDeps(), admin.email, input.data.entry, published);
    refreshCatalogPages();
    return {
      status: 'success',
      message: published
        ? 'Published: the API is in the catalog.'
        : 'Unpublished: the API and its docs are hidden.',
    };
  } catch (error) {
    return failed(error);
  }
}

export async function uploadSpecAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  const admin = await requireAdmin(adminPage);
  const input = uploadInput.safeParse({
    file: form.get('file'),
    specId: form.get('specId') || undefined,
    revision: form.get('revision') || undefined,
  });
  if (!input.success) return invalid(input.error);
  const { file, specId, revision } = input.data;
  try {
    const header = await uploadGenericSpec(
      catalogStoreDeps(),
      admin.email,
      await file.text(),
      specId && revision ? { id: specId, revision } : undefined,
    );
    refreshCatalogPages();
    return {
      status: 'success',
      message: `${specId ? 'Replaced' : 'Published'} "${header.title}" ${header.version}.`,
    };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteSpecAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  await requireAdmin(adminPage);
  const input = specInput.safeParse(fields(form));
  if (!input.success) return invalid(input.error);
  try {
    await removeGenericSpec(catalogStoreDeps(), input.data.specId);
  } catch (error) {
    return failed(error);
  }
  refreshCatalogPages();
  // The spec's card, where this form sat, is gone: the page itself says what happened.
  redirect(`${adminPage}?deleted=1`);
}
