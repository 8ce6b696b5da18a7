import { expect, test } from './support/fixtures';
import {
  demoAdmin,
  saveCustomer,
  savedState,
  signIn,
  signUpThroughPages,
  subscribeToBronze,
} from './support/accounts';
import { seedAdminRecords } from './support/seeded';

/**
 * Runs once before the specs: a developer signs up through the pages and subscribes to Bronze,
 * and the demo admin signs in, then writes a guide and adds a webhook endpoint (so the specs
 * that walk every page open real detail pages). Specs start from these saved browser states
 * instead of repeating the steps.
 */
test('a developer signs up and subscribes to Bronze', async ({ page }) => {
  const customer = await subscribeToBronze(page, await signUpThroughPages(page));
  expect(customer.key.length).toBeGreaterThanOrEqual(20);
  expect(customer.url).toMatch(/^http/);
  saveCustomer(customer);
  await page.context().storageState({ path: savedState('customer') });
});

test('the demo admin signs in, publishes a guide and adds a webhook endpoint', async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.context().storageState({ path: savedState('admin') });
  await seedAdminRecords(page);
});
