import { GetApiKeysCommand } from '@aws-sdk/client-api-gateway';
import { expect, test, type Page } from '@playwright/test';
import {
  demoAdmin,
  e2eApiGateway,
  newSignedInDeveloper,
  signIn,
  signOut,
} from './support/accounts';
import { watchConsole } from './support/console';

/** The total row of a usage table: its last cell. */
const totalOf = (page: Page, caption: RegExp) =>
  page
    .getByRole('table', { name: caption })
    .getByRole('row', { name: /^Total/ })
    .getByRole('cell')
    .last();

test('a customer sees their data-plane calls on the usage page and an admin sees them among the top consumers', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  const customer = await newSignedInDeveloper(page);

  await page.goto('/dashboard/usage');
  await expect(page.getByRole('heading', { name: 'No usage yet' })).toBeVisible();

  await page.goto('/plans');
  const bronze = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await bronze.getByRole('button', { name: 'Subscribe to Bronze' }).click();
  await expect(bronze.getByText('Current plan')).toBeVisible();
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Reveal key' }).click();
  const keyValue = page.getByTestId('api-key-value');
  await expect(keyValue).not.toHaveText('•'.repeat(24));
  const key = (await keyValue.textContent())!.trim();
  const url = (await page.locator('pre code').textContent())!.match(/"(http[^"]+)"/)![1]!;
  for (let call = 0; call < 3; call += 1) {
    expect((await request.get(url, { headers: { 'x-api-key': key } })).status()).toBe(200);
  }

  await page.goto('/dashboard/usage?range=7');
  await expect(totalOf(page, /Requests per day/)).toHaveText('3');
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
  await signOut(page);

  const keys = await e2eApiGateway().send(
    new GetApiKeysCommand({ includeValues: true, limit: 500 }),
  );
  const sub = keys.items!.find((entry) => entry.value === key)!.customerId!;

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/usage?range=7');
  const topConsumers = page.getByRole('table', { name: /Top consumers/ });
  const row = topConsumers.getByRole('row').filter({ has: page.getByRole('link', { name: sub }) });
  await expect(row.getByRole('cell').last()).toHaveText('3');
  await row.getByRole('link', { name: sub }).click();
  await expect(page.getByRole('heading', { name: "Customer's usage" })).toBeVisible();
  await expect(totalOf(page, /Requests per day/)).toHaveText('3');
  expect(errors, `console errors for ${customer.email}`).toEqual([]);
});
