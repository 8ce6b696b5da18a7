import { expect, test } from './support/fixtures';

test('the home page loads without console errors and leads to the catalog', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Portico/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'APIs' })).toBeVisible();

  await page
    .getByRole('main')
    .getByRole('link', { name: /catalog|browse/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/apis$/);
});

test('the skip link is the first stop for keyboard users', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the favicon and social card come from public/ and are named in the head', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const head = page.locator('head');
  await expect(head.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
    'href',
    /\/apple-touch-icon\.png/,
  );
  const card = await head.locator('meta[property="og:image"]').getAttribute('content');
  expect(card).toMatch(/\/social-card\.png$/);
  await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute(
    'content',
    'summary_large_image',
  );
  for (const [path, type] of [
    ['/favicon.ico', 'image/'],
    ['/icon.svg', 'image/svg+xml'],
    ['/apple-touch-icon.png', 'image/png'],
    ['/social-card.png', 'image/png'],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
  }
});
