import type { Page } from '@playwright/test';
import { signIn, signOut } from './support/accounts';
import { expect, test } from './support/fixtures';

/** Names of this run's own: the spec changes no seed data, so nothing needs restoring. */
const run = Date.now().toString(36);
const audience = { id: `partners-${run}`, name: `Partners ${run}` };
const guide = {
  title: `Partner onboarding ${run}`,
  slug: `partner-onboarding-${run}`,
  body: `## Before you start\n\nPartners call the [forecast](api:weather#getForecast) first.`,
};

async function createAudience(admin: Page) {
  await admin.goto('/admin/audiences');
  await admin.getByLabel('Name').fill(audience.name);
  await admin.getByLabel(/^Id/).fill(audience.id);
  await admin.getByRole('button', { name: 'Create' }).click();
  await expect(
    admin.getByTestId('audience').filter({ hasText: audience.id }).getByRole('heading'),
  ).toBeVisible();
}

async function publishGuideFor(admin: Page) {
  await admin.goto('/admin/guides');
  await admin.getByLabel('Title').fill(guide.title);
  await admin.getByLabel(/^Slug/).fill(guide.slug);
  await admin.getByLabel(/^Body/).fill(guide.body);
  await admin.getByLabel('Only the audiences ticked below').check();
  await admin.getByLabel(audience.name).check();
  await admin.getByRole('button', { name: 'Create draft' }).click();
  await admin.getByRole('link', { name: guide.title }).click();
  await expect(admin.getByRole('heading', { name: 'Preview of the saved draft' })).toBeVisible();
  await admin.waitForLoadState('networkidle');
  await admin.getByRole('button', { name: 'Publish the draft' }).click();
  await expect(admin.getByText(`Published: /guides/${guide.slug}.`)).toBeVisible();
}

async function addMember(admin: Page, email: string) {
  await admin.goto('/admin/audiences');
  const card = admin.getByTestId('audience').filter({ hasText: audience.id });
  await card.getByLabel('Customer email').fill(email);
  await card.getByRole('button', { name: 'Add customer' }).click();
  await expect(card.getByRole('list', { name: `Members of ${audience.name}` })).toContainText(
    email,
  );
}

/** Whether `page` finds the guide on every surface a reader would look: all or none. */
async function findsGuide(page: Page): Promise<boolean> {
  const direct = await page.goto(`/guides/${guide.slug}`);
  const shown = direct?.status() === 200;
  if (shown) await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await page.goto('/guides');
  const listed = (await page.getByRole('link', { name: guide.title }).count()) > 0;
  const index = await page.request.get('/llms.txt');
  const inIndex = (await index.text()).includes(`/guides/${guide.slug}`);
  expect({ listed, inIndex }, 'every surface agrees').toEqual({ listed: shown, inIndex: shown });
  return shown;
}

test('a guide limited to an audience reaches its members and is absent for everyone else', async ({
  adminPage: admin,
  openPage,
  newCustomer,
  allowConsoleErrors,
}) => {
  allowConsoleErrors.push(/status of 404/);
  await createAudience(admin);
  await publishGuideFor(admin);

  const visitor = await openPage();
  expect(await findsGuide(visitor), 'an anonymous visitor').toBe(false);
  expect(await findsGuide(newCustomer.page), 'a customer outside the audience').toBe(false);
  expect(await findsGuide(admin), 'an admin').toBe(true);

  await addMember(admin, newCustomer.email);
  // Memberships travel with the session: a new sign-in carries the audience at once.
  await signOut(newCustomer.page);
  await signIn(newCustomer.page, newCustomer.email, newCustomer.password);
  expect(await findsGuide(newCustomer.page), 'the same customer, now a member').toBe(true);
  await newCustomer.page.goto(`/guides/${guide.slug}`);
  await expect(newCustomer.page.getByRole('link', { name: 'forecast' })).toHaveAttribute(
    'href',
    /\/apis\/weather#/,
  );
  expect(await findsGuide(visitor), 'still not the anonymous visitor').toBe(false);
});
