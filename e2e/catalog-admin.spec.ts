import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** A signed-out visitor in a browser of their own; a dialog (an injected alert) is a problem. */
async function visitor(openPage: () => Promise<Page>) {
  const page = await openPage();
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

const entryCard = (page: Page, name: string) =>
  page.getByTestId('catalog-entry').filter({ has: page.getByRole('heading', { name }) });

test('an admin unpublishes an API, a visitor no longer finds it; republished, it is back', async ({
  adminPage: page,
  openPage,
  allowConsoleErrors,
}) => {
  allowConsoleErrors.push(/status of 404/);
  const guest = await visitor(openPage);
  await page.goto('/admin/apis');
  await expect(page.getByRole('heading', { name: 'APIs', level: 1 })).toBeVisible();

  const weather = entryCard(page, 'Weather');
  try {
    await weather.getByRole('button', { name: 'Unpublish Weather' }).click();
    await expect(weather.getByText('Unpublished: the API and its docs are hidden.')).toBeVisible();

    await guest.page.goto('/apis');
    await expect(guest.page.getByRole('link', { name: 'Payments' })).toBeVisible();
    await expect(guest.page.getByRole('link', { name: 'Weather' })).toHaveCount(0);
    expect((await guest.page.goto('/apis/weather'))?.status()).toBe(404);

    await page.reload();
    // The button is a server action's form: click it once the page has hydrated.
    await page.waitForLoadState('networkidle');
    await weather.getByRole('button', { name: 'Publish Weather', exact: true }).click();
    await expect(weather.getByText('Published: the API is in the catalog.')).toBeVisible({
      timeout: 20_000,
    });

    await guest.page.goto('/apis');
    await expect(guest.page.getByRole('link', { name: 'Weather' })).toBeVisible();
    expect((await guest.page.goto('/apis/weather'))?.status()).toBe(200);
    expect(guest.problems).toEqual([]);
  } finally {
    // Whatever failed above, the other specs find Weather published.
    await page.goto('/admin/apis');
    await page.waitForLoadState('networkidle');
    // Exact: "Unpublish Weather" contains "publish Weather".
    const publish = weather.getByRole('button', { name: 'Publish Weather', exact: true });
    if (await publish.isVisible()) {
      await publish.click();
      await expect(weather.getByText('Published: the API is in the catalog.')).toBeVisible();
    }
  }
});

/** Clears the catalog settings of the entry shown as `name`, back to the API's own. */
async function restoreSeedSettings(page: Page, name: string) {
  await page.goto('/admin/apis');
  const entry = entryCard(page, name);
  await entry.getByText('Catalog settings').click();
  await entry.getByLabel('Slug').fill('payments');
  for (const field of ['Display name', 'Description (Markdown)', 'Tags'])
    await entry.getByLabel(field).fill('');
  await entry.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved. Visitors see the change now.')).toBeVisible();
}

test("an admin's display name, description and tags are what a visitor sees", async ({
  adminPage: page,
  openPage,
}) => {
  await page.goto('/admin/apis');
  const payments = entryCard(page, 'Payments');
  let shownAs = 'Payments';
  try {
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
    shownAs = 'Checkout';

    const guest = await visitor(openPage);
    await guest.page.goto('/apis?tag=Cards');
    await expect(guest.page.getByRole('link', { name: 'Checkout' })).toBeVisible();
    await expect(guest.page.getByRole('link', { name: 'Weather' })).toHaveCount(0);
    await guest.page.getByRole('link', { name: 'Checkout' }).click();
    await expect(guest.page.getByRole('heading', { name: /Checkout/, level: 1 })).toBeVisible();
    await expect(guest.page.locator('strong', { hasText: 'card' })).toBeVisible();
    expect(guest.problems).toEqual([]);
  } finally {
    // Back to the API's own name, so the other specs find the seed as it was.
    await restoreSeedSettings(page, shownAs);
  }
  const guest = await visitor(openPage);
  await guest.page.goto('/apis');
  await expect(guest.page.getByRole('link', { name: 'Payments' })).toBeVisible();
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
  adminPage: page,
  openPage,
  allowConsoleErrors,
}) => {
  test.setTimeout(90_000);
  allowConsoleErrors.push(/status of 404/);
  // The hostile spec's inline handlers are refused by the Content-Security-Policy, which says so.
  allowConsoleErrors.push(/^Executing inline event handler violates .*Content Security Policy/);
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

  try {
    await upload.getByLabel('OpenAPI 3 file').setInputFiles({
      name: 'maps.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(hostileSpec)),
    });
    await upload.getByRole('button', { name: 'Upload spec' }).click();
    await expect(upload.getByText('Published "Maps" 1.4.0.')).toBeVisible();

    const guest = await visitor(openPage);
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
  } finally {
    // A spec left behind by a failure would change the catalog the other specs see.
    await page.goto('/admin/apis');
    const leftover = entryCard(page, 'Maps');
    if ((await leftover.count()) > 0) {
      await leftover.getByText('Replace or delete the spec').click();
      page.once('dialog', (dialog) => void dialog.accept());
      await leftover.getByRole('button', { name: 'Delete Maps' }).click();
      await expect(page.getByText('Deleted: the spec and its docs are gone.')).toBeVisible();
    }
  }
});
