import { expect, test, type Page } from '@playwright/test';
import { demoAdmin, newSignedInDeveloper, signIn, signOut } from './support/accounts';

/** Any console error fails the test. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

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
  expect(errors).toEqual([]);
});
