import type { APIRequestContext } from '@playwright/test';
import { GetUsagePlanKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { e2eApiGateway, type Customer } from './support/accounts';
import { expect, test } from './support/fixtures';

test('a subscribed customer sees Bronze on the plans page and dashboard, and the snippet works', async ({
  subscribedCustomer: customer,
  request,
}) => {
  const page = customer.page;
  await page.goto('/plans');
  const bronze = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await expect(bronze.getByText('Current plan')).toBeVisible();
  await expect(bronze.getByRole('link', { name: 'Your key is on your dashboard' })).toBeVisible();

  await page.goto('/dashboard');
  await expect(page.getByTestId('subscribed-plan')).toHaveCount(1);
  await expect(page.getByTestId('subscribed-plan')).toContainText('Bronze');
  const keyValue = page.getByTestId('api-key-value');
  await expect(keyValue).toHaveText('•'.repeat(24));
  await page.getByRole('button', { name: 'Reveal key' }).click();
  await expect(keyValue).toHaveText(customer.key);

  // Run the first-call snippet as shown: the key goes in a header or in the query string.
  expect((await callWith(request, customer, customer.key)).status()).toBe(200);
  expect((await callWith(request, customer, 'x'.repeat(30))).status()).toBe(403);
});

/** The snippet's request with `value` where the customer's key was. */
function callWith(request: APIRequestContext, customer: Customer, value: string) {
  const url = customer.url.replaceAll(customer.key, value);
  const header = customer.header;
  return request.get(url, {
    headers: header ? { [header.name]: header.value.replaceAll(customer.key, value) } : {},
  });
}

test('a customer asks for Gold, an admin approves it, and the same key now works in Gold', async ({
  newCustomer: customer,
  adminPage: admin,
  request,
}) => {
  test.setTimeout(120_000);
  const page = customer.page;
  await page.goto('/plans');
  const gold = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Gold' }) });
  await gold.getByRole('button', { name: 'Request upgrade' }).click();
  await expect(gold.getByText('Pending approval')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.getByText('Gold: Waiting for an administrator')).toBeVisible();

  await admin.goto('/admin/requests');
  const pending = admin.getByTestId('upgrade-request').filter({ hasText: customer.email });
  await expect(pending).toContainText('Bronze');
  await pending.getByRole('button', { name: 'Approve Gold' }).click();
  // A decided request leaves the queue.
  await expect(pending).toHaveCount(0);

  await page.goto('/dashboard');
  await expect(page.getByText(/Your upgrade to Gold was approved/)).toBeVisible();
  await expect(page.getByTestId('subscribed-plan')).toHaveCount(1);
  await expect(page.getByTestId('subscribed-plan')).toContainText('Gold');

  const gateway = e2eApiGateway();
  const plans = await gateway.send(new GetUsagePlansCommand({ limit: 500 }));
  const goldId = plans.items?.find((plan) => plan.name === 'Gold')?.id;
  const goldKeys = await gateway.send(
    new GetUsagePlanKeysCommand({ usagePlanId: goldId, limit: 500 }),
  );
  expect(goldKeys.items?.map((entry) => entry.value)).toContain(customer.key);
  expect((await callWith(request, customer, customer.key)).status()).toBe(200);
});

test('a signed-out visitor is offered sign-in on the plans page and sent to sign in from the dashboard', async ({
  page,
}) => {
  await page.goto('/plans');
  await expect(page.getByRole('link', { name: 'Sign in to subscribe' }).first()).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
});
