import { expect, test } from '@playwright/test';
import { watchConsole } from './support/console';

test('the home page loads without console errors and leads to the catalog', async ({ page }) => {
  const errors = watchConsole(page);

  await page.goto('/');
  await expect(page).toHaveTitle(/Portico/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'APIs' })).toBeVisible();

  await page
    .getByRole('main')
    .getByRole('link', { name: /catalog|browse/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/apis$/);
  expect(errors).toEqual([]);
});

test('the skip link is the first stop for keyboard users', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
