import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search the portal' });

/** Opens search with the keyboard shortcut, once the header has hydrated, and types `query`. */
async function searchFor(page: Page, query: string) {
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Control+k');
  const box = searchDialog(page).getByRole('combobox');
  await expect(box).toBeFocused();
  await box.fill(query);
  await expect(searchDialog(page).getByRole('status')).toHaveText(/results?\.$|Nothing found/);
  return box;
}

const optionTitles = (page: Page) => searchDialog(page).getByRole('option').allTextContents();

test('Ctrl-K searches; arrows choose and Enter opens the operation in its docs', async ({
  page,
}) => {
  await page.goto('/');
  const box = await searchFor(page, 'forecast');
  const options = searchDialog(page).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  const target = (await optionTitles(page)).findIndex((text) =>
    text.includes('GET /forecast/{city}'),
  );
  expect(target, 'the forecast operation is among the results').toBeGreaterThan(0);
  for (let step = 0; step < target; step += 1) await box.press('ArrowDown');
  const chosen = options.nth(target);
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await chosen.getAttribute('id'))!);
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');

  await box.press('Enter');
  await expect(page).toHaveURL(/\/apis\/weather#op-getForecast$/);
  await expect(searchDialog(page)).toHaveCount(0);
  await expect(page.locator('#op-getForecast')).toContainText('Five-day forecast for a city');
});

test('the header button opens search; Escape closes it and gives focus back', async ({ page }) => {
  await page.goto('/apis');
  await page.waitForLoadState('networkidle');
  const button = page.getByRole('button', { name: 'Search the portal' });
  await button.click();
  const box = searchDialog(page).getByRole('combobox');
  await expect(box).toBeFocused();
  await expect(searchDialog(page)).toHaveAttribute('aria-modal', 'true');
  await box.fill('zzzz-nothing');
  await expect(searchDialog(page).getByRole('status')).toHaveText(
    'Nothing found for “zzzz-nothing”.',
  );
  await box.press('Escape');
  await expect(searchDialog(page)).toHaveCount(0);
  await expect(button).toBeFocused();
});

/** Sets who sees Payments in its catalog settings (the radio's label). */
async function paymentsFor(admin: Page, who: string) {
  await admin.goto('/admin/apis');
  const card = admin
    .getByTestId('catalog-entry')
    .filter({ has: admin.getByRole('heading', { name: 'Payments' }) });
  await card.getByText('Catalog settings').click();
  await card.getByLabel(who).check();
  await card.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('Saved. Visitors see the change now.')).toBeVisible();
}

test('an API for signed-in customers is absent from an anonymous search', async ({
  adminPage: admin,
  subscribedCustomer: customer,
  openPage,
}) => {
  await paymentsFor(admin, 'Signed-in customers');
  try {
    const visitor = await openPage();
    await visitor.goto('/');
    await searchFor(visitor, 'payment');
    expect((await optionTitles(visitor)).join(' ')).not.toMatch(/Payments|refund/i);

    await customer.page.goto('/');
    await searchFor(customer.page, 'payment');
    expect(await optionTitles(customer.page)).toContainEqual(expect.stringMatching(/^APIPayments/));
  } finally {
    await paymentsFor(admin, 'Everyone, signed in or not');
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open search, with results, has no WCAG 2.1 A/AA violation in ${scheme} mode`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    const box = await searchFor(page, 'weather');
    await box.press('ArrowDown');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
}
