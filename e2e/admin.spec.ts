import { randomUUID } from 'node:crypto';
import { GetApiKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { e2eApiGateway } from './support/accounts';
import { expect, test } from './support/fixtures';
import { appUrls } from './support/routes';

test('an admin finds a customer and disables their key with a reason the customer sees; the key gets 403', async ({
  newCustomer: customer,
  adminPage: admin,
  request,
}) => {
  test.setTimeout(150_000);
  const page = customer.page;
  const call = async () =>
    (await request.get(customer.url, { headers: { 'x-api-key': customer.key } })).status();
  expect(await call()).toBe(200);

  await admin.goto('/admin');
  await admin.getByRole('link', { name: 'Customers' }).first().click();
  await admin.getByRole('searchbox', { name: 'Search' }).fill(customer.email);
  await admin.getByRole('button', { name: 'Apply' }).click();
  await expect(admin.getByText('1 customer', { exact: true })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: customer.email });
  await expect(row).toContainText('Bronze');
  await expect(row).toContainText('Active');
  await row.getByRole('link', { name: customer.email }).click();
  await expect(admin.getByRole('heading', { level: 1, name: customer.email })).toBeVisible();

  const reason = 'Calls from an unexpected region: contact support';
  const keyCard = admin.getByTestId('customer-key');
  await keyCard.getByLabel('Reason (shown to the customer)').fill(reason);
  admin.once('dialog', (dialog) => void dialog.accept());
  await keyCard.getByRole('button', { name: 'Disable key' }).click();
  await expect(keyCard.getByText(/Key disabled: its calls now get 403/)).toBeVisible();
  await expect(admin.getByRole('table', { name: /Audit trail/ })).toContainText('key.disabled');
  expect(await call()).toBe(403);

  await page.goto('/dashboard');
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByText(reason, { exact: false }),
  ).toBeVisible();
  // The key panel says why there is no usable key, instead of offering to create one.
  await expect(page.getByText(`Reason: ${reason}.`, { exact: false })).toBeVisible();
  await expect(page.getByText('You have no API key yet')).toHaveCount(0);

  await admin.reload();
  await keyCard
    .getByLabel('Reason (shown to the customer)')
    .fill('Region confirmed with the customer');
  await keyCard.getByRole('button', { name: 'Enable key' }).click();
  await expect(keyCard.getByText('Key enabled. The customer has been told.')).toBeVisible();
  expect(await call()).toBe(200);
});

test('an admin imports keys: the dry run shows the bad row, nothing is imported until it is fixed', async ({
  adminPage: page,
}) => {
  test.setTimeout(90_000);
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
});

test('admin pages and downloads send signed-out visitors to sign in and refuse customers', async ({
  playwright,
  subscribedCustomer: customer,
  allowConsoleErrors,
}) => {
  test.setTimeout(90_000);
  allowConsoleErrors.push(/status of 403/);
  const paths = appUrls().filter((path) => path.startsWith('/admin'));
  // The walk itself is checked: it must find the pages every admin uses.
  for (const known of ['/admin', '/admin/customers', '/admin/keys/import', '/admin/audit/csv'])
    expect(paths).toContain(known);
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
  });
  for (const path of paths) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain('/sign-in');
  }
  await anonymous.dispose();
  for (const path of paths) {
    expect((await customer.page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
});
