import { randomUUID } from 'node:crypto';
import { GetApiKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { expect, test } from '@playwright/test';
import {
  demoAdmin,
  e2eApiGateway,
  newSignedInDeveloper,
  signIn,
  signOut,
} from './support/accounts';
import { watchConsole } from './support/console';

test('an admin finds a customer and disables their key with a reason the customer sees; the key gets 403', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const errors = watchConsole(page);
  const customer = await newSignedInDeveloper(page);

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
  const call = async () => (await request.get(url, { headers: { 'x-api-key': key } })).status();
  expect(await call()).toBe(200);
  await signOut(page);

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Customers' }).first().click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(customer.email);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: customer.email });
  await expect(row).toContainText('Bronze');
  await expect(row).toContainText('Active');
  await row.getByRole('link', { name: customer.email }).click();
  await expect(page.getByRole('heading', { level: 1, name: customer.email })).toBeVisible();

  const reason = 'Calls from an unexpected region: contact support';
  const keyCard = page.getByTestId('customer-key');
  await keyCard.getByLabel('Reason (shown to the customer)').fill(reason);
  page.once('dialog', (dialog) => void dialog.accept());
  await keyCard.getByRole('button', { name: 'Disable key' }).click();
  await expect(keyCard.getByText(/Key disabled: its calls now get 403/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Audit trail/ })).toContainText('key.disabled');
  expect(await call()).toBe(403);
  await signOut(page);

  await signIn(page, customer.email, customer.password);
  await page.goto('/dashboard');
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByText(reason, { exact: false }),
  ).toBeVisible();
  // The key panel says why there is no usable key, instead of offering to create one.
  await expect(page.getByText(`Reason: ${reason}.`, { exact: false })).toBeVisible();
  await expect(page.getByText('You have no API key yet')).toHaveCount(0);
  await signOut(page);

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/customers');
  await page.getByRole('searchbox', { name: 'Search' }).fill(customer.email);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('link', { name: customer.email }).click();
  await keyCard
    .getByLabel('Reason (shown to the customer)')
    .fill('Region confirmed with the customer');
  await keyCard.getByRole('button', { name: 'Enable key' }).click();
  await expect(keyCard.getByText('Key enabled. The customer has been told.')).toBeVisible();
  expect(await call()).toBe(200);
  expect(errors).toEqual([]);
});

test('an admin imports keys: the dry run shows the bad row, nothing is imported until it is fixed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const gateway = e2eApiGateway();
  const plans = (await gateway.send(new GetUsagePlansCommand({ limit: 500 }))).items!;
  const bronze = plans.find((plan) => plan.name === 'Bronze')!.id!;
  const prefix = `e2e-import-${randomUUID().slice(0, 8)}`;
  const file = (secondPlan: string) =>
    [
      'Name,Key,Description,Enabled,UsageplanIds',
      `${prefix}-1,${prefix}-value-000000000001,Partner A,true,${bronze}`,
      `${prefix}-2,${prefix}-value-000000000002,Partner B,true,${secondPlan}`,
    ].join('\n');
  const imported = async () =>
    (await gateway.send(new GetApiKeysCommand({ nameQuery: prefix, limit: 500 }))).items ?? [];

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/keys');
  await page.getByRole('link', { name: 'Import keys' }).click();
  const contents = page.getByLabel('Contents');
  await contents.fill(file('nosuchplan'));
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  await expect(page.getByTestId('import-problems')).toHaveText(
    'Line 3: unknown usage plan nosuchplan',
  );
  await page.getByRole('button', { name: 'Import all' }).click();
  await expect(page.getByText(/The file has 1 problem: .* Nothing was imported\./)).toBeVisible();
  expect(await imported()).toEqual([]);

  await contents.fill(file(bronze));
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  await expect(page.getByText('All 2 keys are ready to import')).toBeVisible();
  await page.getByRole('button', { name: 'Import all' }).click();
  await expect(page.getByText('Imported 2 keys.')).toBeVisible();
  expect((await imported()).map((key) => key.name).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
  expect(errors).toEqual([]);
});

const adminPaths = [
  '/admin/customers',
  '/admin/customers/00000000-0000-0000-0000-000000000000',
  '/admin/plans',
  '/admin/keys',
  '/admin/keys/import',
  '/admin/audit',
  '/admin/audit/csv',
];

test('admin pages and downloads send signed-out visitors to sign in and refuse customers', async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
  });
  for (const path of adminPaths) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain('/sign-in');
  }
  await anonymous.dispose();
  await newSignedInDeveloper(page);
  for (const path of adminPaths) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
});
