import { GetApiKeysCommand } from '@aws-sdk/client-api-gateway';
import { expect, test, type Page } from '@playwright/test';
import { e2eApiGateway, newSignedInDeveloper } from './support/accounts';

/** Runs GET /cities from the Weather docs page's interactive reference. */
async function tryListCities(page: Page) {
  const reference = page.locator('.swagger-ui');
  await expect(reference).toBeVisible({ timeout: 20_000 });
  const operation = reference.locator('.opblock', { hasText: '/cities' }).first();
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  return operation;
}

test('a subscriber tries an endpoint on the docs page without their key reaching the browser', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const customer = await newSignedInDeveloper(page);
  await page.goto('/plans');
  const bronze = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await bronze.getByRole('button', { name: 'Subscribe to Bronze' }).click();
  await expect(bronze.getByText('Current plan')).toBeVisible();

  const keys = await e2eApiGateway().send(
    new GetApiKeysCommand({ includeValues: true, nameQuery: 'portico-', limit: 500 }),
  );
  const key = keys.items!.find(
    (entry) => entry.description === `Portico key of ${customer.email}`,
  )?.value;
  expect(key?.length).toBeGreaterThanOrEqual(20);

  // Every answer the browser receives in full from here on, to prove the key is in none of them.
  const seen: Promise<string>[] = [];
  page.on('requestfinished', (finished) => {
    seen.push(
      finished
        .response()
        .then(async (response) =>
          response
            ? `${JSON.stringify(await response.allHeaders())}\n${await response.text()}`
            : '',
        )
        .catch(() => ''),
    );
  });

  await page.goto('/apis/weather');
  await expect(page.getByTestId('try-it-notice')).toContainText('Try it out with your own key');
  const operation = await tryListCities(page);
  await expect(operation.getByTestId('try-it-status')).toHaveText('200 OK');
  await expect(operation.getByTestId('try-it-body')).toContainText('"name": "Lisbon"');
  await expect(operation.getByTestId('try-it-explanation')).toHaveCount(0);
  await expect(operation.getByTestId('try-it-snippet')).toContainText(
    "-H 'x-api-key: YOUR_API_KEY'",
  );
  await operation.getByRole('tab', { name: 'Python (requests)' }).click();
  await expect(operation.getByTestId('try-it-snippet')).toContainText('import requests');

  const answers = await Promise.all(seen);
  expect(answers.length).toBeGreaterThan(0);
  for (const answer of answers) expect(answer).not.toContain(key);
  expect(errors).toEqual([]);
});

test('a signed-out visitor who pastes a bad key sees why API Gateway refused it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/apis/weather');
  await expect(page.getByTestId('try-it-notice')).toContainText('Paste an API key');
  const reference = page.locator('.swagger-ui');
  await expect(reference).toBeVisible({ timeout: 20_000 });

  await reference
    .getByRole('button', { name: /Authorize/ })
    .first()
    .click();
  await page.getByRole('textbox', { name: 'Value:' }).fill('not-a-real-key-0123456789');
  await page.getByRole('button', { name: 'Apply credentials' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  const operation = await tryListCities(page);
  await expect(operation.getByTestId('try-it-status')).toHaveText('403 Forbidden');
  await expect(operation.getByTestId('try-it-explanation')).toContainText(
    'this key is missing, disabled or not subscribed to a plan covering this API',
  );
  await operation.getByRole('button', { name: 'Show key' }).click();
  await expect(operation.getByTestId('try-it-snippet')).toContainText('not-a-real-key-0123456789');
  expect(errors).toEqual([]);
});

test('the proxy refuses other sites and paths outside the stage, and answers inert JSON', async ({
  request,
}) => {
  const console = { 'x-portico-try': '1' };
  const crossSite = await request.get('/api/try/weather/cities');
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).title).toBe('Not a console request');

  for (const path of ['..%2f..%2fpayments%2fprod%2fpayments', '%2e%2e%5cpayments', 'a%2fb']) {
    const escape = await request.get(`/api/try/weather/${path}`, { headers: console });
    expect(escape.status(), path).toBe(400);
    expect((await escape.json()).title).toBe('Path refused');
  }

  const answer = await request.get('/api/try/weather/cities', {
    headers: { ...console, 'x-api-key': 'not-a-real-key-0123456789' },
  });
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(answer.headers()['x-content-type-options']).toBe('nosniff');
  expect(await answer.json()).toMatchObject({ status: 403, keySource: 'pasted' });
});
