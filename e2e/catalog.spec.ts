import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';

test.describe('a signed-out visitor', () => {
  test('finds an API, reads its docs, expands an operation and downloads the spec', async ({
    page,
  }) => {
    await page.goto('/apis');
    await expect(page.getByRole('heading', { name: 'APIs', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Weather' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Payments' })).toBeVisible();

    await page.getByLabel('Search APIs').fill('forecast');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/q=forecast/);
    await expect(page.getByRole('link', { name: 'Payments' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Weather' }).click();

    await expect(page.getByRole('heading', { name: /Weather/, level: 1 })).toBeVisible();
    await expect(
      page.getByRole('definition').getByText('Send your API key in the x-api-key header.'),
    ).toBeVisible();
    await expect(page.getByText('/forecast/{city}').first()).toBeVisible();

    const reference = page.locator('.swagger-ui');
    await expect(reference).toBeVisible({ timeout: 20_000 });
    await reference.locator('.opblock-summary', { hasText: '/forecast/{city}' }).first().click();
    await expect(reference.getByRole('button', { name: 'Try it out' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'YAML' }).click();
    const file = await (await download).path();
    const yaml = await readFile(file, 'utf8');
    expect(yaml).toContain('openapi: 3.0.1');
    expect(yaml).not.toContain('x-amazon-apigateway');
  });

  test('sees the query parameter a query-key API expects', async ({ page }) => {
    await page.goto('/apis/payments');
    await expect(
      page.getByText('Send your API key in the api_key query-string parameter.'),
    ).toBeVisible();
  });

  test('gets a not-found page for an unknown API', async ({ page, allowConsoleErrors }) => {
    allowConsoleErrors.push(/status of 404/);
    const response = await page.goto('/apis/no-such-api');
    expect(response?.status()).toBe(404);
  });
});
