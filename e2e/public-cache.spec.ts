import { createHash, randomUUID } from 'node:crypto';
import type { APIResponse, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** What anonymous visitors get from cache (proxy.ts rewrites them to app/cached/public). */
const publicPages = ['/', '/apis', '/apis/weather', '/plans', '/guides', '/llms.txt'];
/** What Next.js sends for a page rendered per request. */
const perRequest = 'private, no-cache, no-store, max-age=0, must-revalidate';
const shared = /^s-maxage=\d+, stale-while-revalidate=\d+$/;

const hashOf = (script: string) =>
  `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/** Every inline script of the HTML is allowed by its hash, and nothing else inline runs. */
async function expectHashPolicy(answer: APIResponse, path: string) {
  const policy = answer.headers()['content-security-policy'] ?? '';
  const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSrc, path).not.toContain("'unsafe-inline'");
  expect(scriptSrc, path).not.toContain("'nonce-");
  expect(policy, path).toContain("frame-ancestors 'none'");
  expect(policy, path).toContain("object-src 'none'");
  const html = await answer.text();
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  expect(inline.length, path).toBeGreaterThan(0);
  for (const [, script = ''] of inline) expect(scriptSrc, path).toContain(hashOf(script));
}

test('anonymous visitors get the public pages from cache, with a hash-based policy', async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of publicPages) {
    await anonymous.get(path);
    const answer = await anonymous.get(path);
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()['cache-control'], path).toMatch(shared);
    expect(answer.headers()['set-cookie'], path).toBeUndefined();
    if (path !== '/llms.txt') await expectHashPolicy(answer, path);
  }
  // A search is per request (the cached catalog is the unfiltered one).
  const search = await anonymous.get('/apis?q=forecast');
  expect(search.headers()['cache-control']).toBe(perRequest);
  await anonymous.dispose();
});

test('made-up API and guide addresses get the 404 page, which is never kept', async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  // Asked for twice: a kept answer would come from cache the second time (`x-nextjs-cache`).
  const made = ['/apis', '/guides'].flatMap((base) =>
    [1, 2, 3].map((n) => `${base}/made-up-${n}-${randomUUID().slice(0, 8)}`),
  );
  for (const path of made) {
    for (const visit of ['first', 'second']) {
      const answer = await anonymous.get(path);
      expect(answer.status(), `${path} (${visit})`).toBe(404);
      expect(answer.headers()['x-nextjs-cache'], `${path} (${visit})`).toBe('MISS');
      expect(answer.headers()['x-frame-options'], path).toBe('DENY');
      expect(answer.headers()['x-content-type-options'], path).toBe('nosniff');
      await expectHashPolicy(answer, path);
      expect(await answer.text(), path).toContain('<title>Page not found · Portico</title>');
    }
  }
  // A real page is kept as before.
  await anonymous.get('/apis/weather');
  expect((await anonymous.get('/apis/weather')).headers()['x-nextjs-cache']).toBe('HIT');
  await anonymous.dispose();
});

test('signed-in pages, and public pages for a signed-in visitor, stay private', async ({
  subscribedCustomer: { page },
}) => {
  for (const path of ['/apis', '/plans', '/guides', '/dashboard', '/account', '/api/viewer']) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()['cache-control'], path).toMatch(/private.*no-store/);
  }
  const policy = (await page.request.get('/plans')).headers()['content-security-policy'];
  expect(policy).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
});

test('a signed-in customer still sees their header and their current plan', async ({
  subscribedCustomer: { page, email },
}) => {
  await page.goto('/plans');
  const bronze = page.getByRole('listitem').filter({ hasText: 'Bronze' });
  await expect(bronze.getByText('Current plan')).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByTestId('notifications-link').first()).toBeVisible();
  await expect(header.getByText(email).first()).toBeVisible();
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  // The home page is the same static HTML for everyone; the header fills in after it loads.
  await page.goto('/');
  await expect(header.getByText(email).first()).toBeVisible();
});

test('an anonymous visitor of a cached page sees sign-in links, no account', async ({ page }) => {
  await page.goto('/plans');
  await expect(page.getByRole('link', { name: 'Sign in to subscribe' }).first()).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('notifications-link')).toHaveCount(0);
});

const entryCard = (page: Page, name: string) =>
  page.getByTestId('catalog-entry').filter({ has: page.getByRole('heading', { name }) });

test('an admin unpublishing an API takes it out of the cached pages at once', async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const catalog = async () => (await anonymous.get('/apis')).text();
  // Twice: the second answer is the kept one.
  await catalog();
  expect(await catalog()).toContain('href="/apis/payments"');

  await page.goto('/admin/apis');
  await page.waitForLoadState('networkidle');
  const payments = entryCard(page, 'Payments');
  try {
    await payments.getByRole('button', { name: 'Unpublish Payments' }).click();
    await expect(payments.getByText('Unpublished: the API and its docs are hidden.')).toBeVisible();
    expect(await catalog()).not.toContain('href="/apis/payments"');
    expect((await anonymous.get('/apis/payments')).status()).toBe(404);
    expect(await (await anonymous.get('/llms.txt')).text()).not.toContain('/apis/payments');
  } finally {
    await page.goto('/admin/apis');
    await page.waitForLoadState('networkidle');
    const publish = payments.getByRole('button', { name: 'Publish Payments', exact: true });
    if (await publish.isVisible()) {
      await publish.click();
      await expect(payments.getByText('Published: the API is in the catalog.')).toBeVisible();
    }
  }
  expect(await catalog()).toContain('href="/apis/payments"');
  await anonymous.dispose();
});
