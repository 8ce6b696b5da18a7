import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/fixtures';

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

/** Headers and body of an answer; a redirect has no body the browser could read. */
async function everythingIn(response: Response): Promise<string> {
  const headers = JSON.stringify(await response.allHeaders());
  const redirect = response.status() >= 300 && response.status() < 400;
  return redirect ? headers : `${headers}\n${await response.text()}`;
}

test('a subscriber tries an endpoint on the docs page without their key reaching the browser', async ({
  subscribedCustomer: customer,
}) => {
  test.setTimeout(120_000);
  const { page, key } = customer;
  expect(key.length).toBeGreaterThanOrEqual(20);

  // Every answer the browser receives in full from here on, to prove the key is in none of
  // them. An answer whose body cannot be read fails the test rather than passing unchecked.
  const seen: Promise<string>[] = [];
  page.on('requestfinished', (finished) => {
    const answer = finished.response().then(async (response) => {
      if (!response) throw new Error(`no response for ${finished.url()}`);
      return everythingIn(response);
    });
    // Handled by Promise.all below; this only keeps an early failure from being "unhandled".
    answer.catch(() => {});
    seen.push(answer);
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
});

test('a signed-out visitor who pastes a bad key sees why API Gateway refused it', async ({
  page,
}) => {
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
