import { GetUsagePlanKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { expect, test } from '@playwright/test';
import {
  demoAdmin,
  e2eApiGateway,
  newSignedInDeveloper,
  signIn,
  signOut,
} from './support/accounts';

test('a new customer subscribes to Bronze, calls the API, gets Gold approved by an admin', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const customer = await newSignedInDeveloper(page);

  await page.goto('/plans');
  const bronze = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await bronze.getByRole('button', { name: 'Subscribe to Bronze' }).click();
  await expect(bronze.getByText('Current plan')).toBeVisible();
  await expect(bronze.getByRole('link', { name: 'Your key is on your dashboard' })).toBeVisible();

  await page.goto('/dashboard');
  await expect(page.getByTestId('subscribed-plan')).toHaveCount(1);
  await expect(page.getByTestId('subscribed-plan')).toContainText('Bronze');
  const keyValue = page.getByTestId('api-key-value');
  await expect(keyValue).toHaveText('•'.repeat(24));
  await page.getByRole('button', { name: 'Reveal key' }).click();
  await expect(keyValue).not.toHaveText('•'.repeat(24));
  const key = (await keyValue.textContent())!.trim();
  expect(key.length).toBeGreaterThanOrEqual(20);

  // Run the first-call snippet as shown: the key goes in a header or in the query string.
  const snippet = (await page.locator('pre code').textContent())!;
  expect(snippet).toContain(key);
  const callWith = (value: string) => {
    const shown = snippet.replaceAll(key, value);
    const url = shown.match(/"(http[^"]+)"/)![1]!;
    const header = shown.match(/-H "([^:]+): ([^"]+)"/);
    return request.get(url, { headers: header ? { [header[1]!]: header[2]! } : {} });
  };
  expect((await callWith(key)).status()).toBe(200);
  expect((await callWith('x'.repeat(30))).status()).toBe(403);

  await page.goto('/plans');
  const gold = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Gold' }) });
  await gold.getByRole('button', { name: 'Request upgrade' }).click();
  await expect(gold.getByText('Pending approval')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.getByText('Gold: Waiting for an administrator')).toBeVisible();
  await signOut(page);

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/requests');
  const pending = page.getByTestId('upgrade-request').filter({ hasText: customer.email });
  await expect(pending).toContainText('Bronze');
  await pending.getByRole('button', { name: 'Approve Gold' }).click();
  // A decided request leaves the queue.
  await expect(pending).toHaveCount(0);
  await signOut(page);

  await signIn(page, customer.email, customer.password);
  await page.goto('/dashboard');
  await expect(page.getByText(/Your upgrade to Gold was approved/)).toBeVisible();
  await expect(page.getByTestId('subscribed-plan')).toHaveCount(1);
  await expect(page.getByTestId('subscribed-plan')).toContainText('Gold');

  const gateway = e2eApiGateway();
  const plans = await gateway.send(new GetUsagePlansCommand({ limit: 500 }));
  const goldId = plans.items!.find((plan) => plan.name === 'Gold')!.id!;
  const goldKeys = await gateway.send(
    new GetUsagePlanKeysCommand({ usagePlanId: goldId, limit: 500 }),
  );
  expect(goldKeys.items?.map((entry) => entry.value)).toContain(key);
  expect((await callWith(key)).status()).toBe(200);
});

test('a signed-out visitor is offered sign-in on the plans page and sent to sign in from the dashboard', async ({
  page,
}) => {
  await page.goto('/plans');
  await expect(page.getByRole('link', { name: 'Sign in to subscribe' }).first()).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
});
