import { GetApiKeysCommand } from '@aws-sdk/client-api-gateway';
import type { Page } from '@playwright/test';
import { e2eApiGateway, signUpQuickly, subscribeToBronze } from './support/accounts';
import { expect, test } from './support/fixtures';

/** The total row of a usage table: its last cell. */
const totalOf = (page: Page, caption: RegExp) =>
  page
    .getByRole('table', { name: caption })
    .getByRole('row', { name: /^Total/ })
    .getByRole('cell')
    .last();

test('a customer sees their data-plane calls on the usage page and an admin sees them among the top consumers', async ({
  page,
  adminPage: admin,
  request,
}) => {
  test.setTimeout(120_000);
  const account = await signUpQuickly(page);
  await page.goto('/dashboard/usage');
  await expect(page.getByRole('heading', { name: 'No usage yet' })).toBeVisible();
  const { key, url } = await subscribeToBronze(page, account);
  for (let call = 0; call < 3; call += 1) {
    expect((await request.get(url, { headers: { 'x-api-key': key } })).status()).toBe(200);
  }

  // Viewing shows the snapshots; the customer asks for fresh figures (one GetUsage per plan).
  await page.goto('/dashboard/usage?range=7');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByText('Your usage figures were updated just now.')).toBeVisible();
  await page.goto('/dashboard/usage?range=7');
  await expect(totalOf(page, /Requests per day/)).toHaveText('3');
  await expect(page.getByText(/Updated less than a minute ago/)).toBeVisible();
  const quota = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await expect(quota).toContainText('3 used, 997 remaining');
  await expect(quota).toContainText(/Resets at \d{4}-\d{2}-\d{2} 00:00 UTC/);
  // recharts' keyboard layer makes the plot one focusable application region.
  await expect(page.getByRole('figure').getByRole('application')).toBeVisible();
  const csv = await page.request.get('/dashboard/usage/csv?range=7');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toMatch(/^date \(UTC\),Bronze requests,total requests\r\n/);

  const keys = await e2eApiGateway().send(
    new GetApiKeysCommand({ includeValues: true, limit: 500 }),
  );
  const sub = keys.items?.find((entry) => entry.value === key)?.customerId ?? '';
  expect(sub).not.toBe('');

  await admin.goto('/admin/usage?range=7');
  const topConsumers = admin.getByRole('table', { name: /Top consumers/ });
  const row = topConsumers.getByRole('row').filter({ has: admin.getByRole('link', { name: sub }) });
  await expect(row.getByRole('cell').last()).toHaveText('3');
  await row.getByRole('link', { name: sub }).click();
  await expect(admin.getByRole('heading', { name: "Customer's usage" })).toBeVisible();
  await expect(totalOf(admin, /Requests per day/)).toHaveText('3');
});
