import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoAdmin, signIn } from './support/accounts';

/** A signed-out visitor in a browser of their own, failing the test on any dialog or error. */
async function visitor(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems, close: () => context.close() };
}

const entryCard = (page: Page, name: string) =>
  page.getByTestId('catalog-entry').filter({ has: page.getByRole('heading', { name }) });

test('an admin unpublishes an API, a visitor no longer finds it; republished, it is back', async ({
  page,
  browser,
}) => {
  const guest = await visitor(browser);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/apis');
  await expect(page.getByRole('heading', { name: 'APIs', level: 1 })).toBeVisible();

  const weather = entryCard(page, 'Weather');
  await weather.getByRole('button', { name: 'Unpublish Weather' }).click();
  await expect(weather.getByText('Unpublished: the API and its docs are hidden.')).toBeVisible();

  await guest.page.goto('/apis');
  await expect(guest.page.getByRole('link', { name: 'Payments' })).toBeVisible();
  await expect(guest.page.getByRole('link', { name: 'Weather' })).toHaveCount(0);
  expect((await guest.page.goto('/apis/weather'))?.status()).toBe(404);

  await page.reload();
  await weather.getByRole('button', { name: 'Publish Weather' }).click();
  await expect(weather.getByText('Published: the API is in the catalog.')).toBeVisible();

  await guest.page.goto('/apis');
  await expect(guest.page.getByRole('link', { name: 'Weather' })).toBeVisible();
  expect((await guest.page.goto('/apis/weather'))?.status()).toBe(200);
  expect(guest.problems).toEqual([]);
  await guest.close();
});

test("an admin's display name, description and tags are what a visitor sees", async ({
  page,
  browser,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/apis');
  const payments = entryCard(page, 'Payments');
  await payments.getByText('Catalog settings').click();
  await payments.getByLabel('Slug').fill('weather');
  await payments.getByRole('button', { name: 'Save settings' }).click();
  await expect(payments.getByRole('alert')).toHaveText(
    'The slug "weather" is already used by Weather. Choose another one.',
  );

  await payments.getByLabel('Slug').fill('payments');
  await payments.getByLabel('Display name').fill('Checkout');
  await payments.getByLabel('Description (Markdown)').fill('Take **card** payments.');
  await payments.getByLabel('Tags').fill('Money, Cards');
  await payments.getByRole('button', { name: 'Save settings' }).click();
  // The card's heading becomes the new name, so look for the outcome on the page.
  await expect(page.getByText('Saved. Visitors see the change now.')).toBeVisible();

  const guest = await visitor(browser);
  await guest.page.goto('/apis?tag=Cards');
  await expect(guest.page.getByRole('link', { name: 'Checkout' })).toBeVisible();
  await expect(guest.page.getByRole('link', { name: 'Weather' })).toHaveCount(0);
  await guest.page.getByRole('link', { name: 'Checkout' }).click();
  await expect(guest.page.getByRole('heading', { name: /Checkout/, level: 1 })).toBeVisible();
  await expect(guest.page.locator('strong', { hasText: 'card' })).toBeVisible();

  // Back to the API's own name, so the other specs find the seed as it was.
  await page.reload();
  const renamed = entryCard(page, 'Checkout');
  await renamed.getByText('Catalog settings').click();
  for (const field of ['Display name', 'Description (Markdown)', 'Tags'])
    await renamed.getByLabel(field).fill('');
  await renamed.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved. Visitors see the change now.')).toBeVisible();
  await guest.page.goto('/apis');
  await expect(guest.page.getByRole('link', { name: 'Payments' })).toBeVisible();
  expect(guest.problems).toEqual([]);
  await guest.close();
});

const hostileSpec = {
  openapi: '3.0.3',
  info: {
    title: 'Maps',
    version: '1.4.0',
    description:
      'Map tiles. <script>window.__xss = "script"; alert("xss")</script>\n\n' +
      '<img src="x" onerror="window.__xss = \'img\'; alert(\'xss\')">',
  },
  servers: [{ url: 'https://maps.example.test/v1' }],
  paths: {
    '/tiles/{z}': {
      get: {
        summary: 'A tile',
        description: '<img src="x" onerror="window.__xss = \'op\'; alert(\'op\')"> Zoom level.',
        parameters: [{ name: 'z', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': { description: 'The tile' } },
      },
    },
  },
};

test('an admin publishes a generic spec, a visitor reads its docs, the hostile HTML stays inert', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/admin/apis');
  const upload = page.getByRole('region', { name: 'Publish a generic spec' });

  // A broken file is refused with where it breaks.
  await upload.getByLabel('OpenAPI 3 file').setInputFiles({
    name: 'broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('openapi: 3.0.3\ninfo:\n  title: [Maps\n'),
  });
  await upload.getByRole('button', { name: 'Upload spec' }).click();
  await expect(upload.getByRole('alert')).toContainText(/Not valid YAML at line \d+, column \d+/);

  await upload.getByLabel('OpenAPI 3 file').setInputFiles({
    name: 'maps.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostileSpec)),
  });
  await upload.getByRole('button', { name: 'Upload spec' }).click();
  await expect(upload.getByText('Published "Maps" 1.4.0.')).toBeVisible();

  const guest = await visitor(browser);
  await guest.page.goto('/apis');
  const card = guest.page.getByRole('listitem').filter({ hasText: 'Maps' });
  await expect(card.getByText('Documentation only')).toBeVisible();
  await card.getByRole('link', { name: 'Maps' }).click();

  const docs = guest.page;
  await expect(docs.getByRole('heading', { name: /Maps/, level: 1 })).toBeVisible();
  await expect(docs.getByText('https://maps.example.test/v1').first()).toBeVisible();
  await expect(docs.getByText('No plan: documentation only')).toBeVisible();
  await expect(docs.getByText('/tiles/{z}').first()).toBeVisible();
  const reference = docs.locator('.swagger-ui');
  await expect(reference).toBeVisible({ timeout: 20_000 });
  await reference.locator('.opblock-summary', { hasText: '/tiles/{z}' }).first().click();
  await expect(reference.getByText('Zoom level.')).toBeVisible();
  // Hosted elsewhere: nothing to try through this portal.
  await expect(reference.getByRole('button', { name: 'Try it out' })).toHaveCount(0);

  expect(await docs.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
  await expect(docs.locator('img[onerror]')).toHaveCount(0);
  await expect(docs.locator('script', { hasText: '__xss' })).toHaveCount(0);
  expect(guest.problems).toEqual([]);

  // A new version over the 1 MB default body limit of server actions, in YAML this time.
  await page.reload();
  const maps = entryCard(page, 'Maps');
  await maps.getByText('Replace or delete the spec').click();
  const padding = 'x'.repeat(2 * 1024 * 1024);
  const replacement = `openapi: 3.0.3\ninfo:\n  title: Maps\n  version: 2.0.0\nx-padding: "${padding}"\npaths: {}\n`;
  await maps.getByLabel('New version of Maps').setInputFiles({
    name: 'maps.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(replacement),
  });
  await maps.getByRole('button', { name: 'Replace spec' }).click();
  await expect(maps.getByText('Replaced "Maps" 2.0.0.')).toBeVisible({ timeout: 20_000 });
  await docs.reload();
  await expect(docs.getByRole('heading', { name: /Maps/, level: 1 }).first()).toContainText(
    'v2.0.0',
  );

  page.once('dialog', (dialog) => void dialog.accept());
  await maps.getByRole('button', { name: 'Delete Maps' }).click();
  await expect(page.getByText('Deleted: the spec and its docs are gone.')).toBeVisible();
  expect((await docs.goto('/apis/maps'))?.status()).toBe(404);
  await guest.close();
});
