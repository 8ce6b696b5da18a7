import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { e2eStateDir } from './e2e-env';

/** Records the setup project makes, so the specs that walk every page open real detail pages. */
export interface Seeded {
  guide: { id: string; slug: string };
  webhookId: string;
}

const seededFile = join(e2eStateDir, 'seeded.json');

export function readSeeded(): Seeded {
  return JSON.parse(readFileSync(seededFile, 'utf8')) as Seeded;
}

/** The admin writes and publishes a guide through the admin pages; answers its id and slug. */
async function publishGuide(page: Page): Promise<Seeded['guide']> {
  const slug = `e2e-guide-${randomUUID().slice(0, 8)}`;
  const title = `E2E guide ${slug.slice(-8)}`;
  await page.goto('/admin/guides');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Slug (/guides/…)').fill(slug);
  await page.getByLabel(/^Body/).fill('A guide the end-to-end setup wrote.\n\n- one\n- two');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByText(`Draft "${title}" created.`)).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/admin\/guides\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.getByRole('button', { name: 'Publish the draft' }).click();
  await expect(page.getByText(`Published: /guides/${slug}.`)).toBeVisible();
  return { id, slug };
}

/**
 * The admin adds an endpoint and pauses it at once: nothing listens at its address, and a
 * paused endpoint is sent nothing. Answers its id.
 */
async function addWebhookEndpoint(page: Page): Promise<string> {
  const url = `http://localhost:9/e2e-${randomUUID().slice(0, 8)}`;
  await page.goto('/admin/webhooks');
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('checkbox', { name: 'key.enabled' }).check();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveText(/whsec_/);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: url }) });
  await card.getByRole('button', { name: 'Pause' }).click();
  await expect(card.getByText('Paused', { exact: true })).toBeVisible();
  const href = await card.getByRole('link', { name: 'Deliveries' }).getAttribute('href');
  expect(href).toMatch(/^\/admin\/webhooks\/[0-9a-f-]{36}$/);
  return href!.split('/').at(-1)!;
}

/** Seeds a guide and a webhook endpoint as the signed-in admin on `page`, and remembers them. */
export async function seedAdminRecords(page: Page): Promise<Seeded> {
  const seeded = { guide: await publishGuide(page), webhookId: await addWebhookEndpoint(page) };
  writeFileSync(seededFile, JSON.stringify(seeded));
  return seeded;
}
