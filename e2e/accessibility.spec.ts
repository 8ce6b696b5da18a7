import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { GetApiKeysCommand } from '@aws-sdk/client-api-gateway';
import { e2eApiGateway } from './support/accounts';
import { expect, test } from './support/fixtures';
import { appUrls } from './support/routes';
import { readSeeded } from './support/seeded';

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Who can open a page: admin pages need the admin, portal pages a customer. */
const audienceOf = (path: string) =>
  path.startsWith('/admin')
    ? 'admin'
    : path.startsWith('/dashboard') || path.startsWith('/account')
      ? 'customer'
      : 'visitor';

/** Query strings some pages need to show their form rather than a redirect. */
const queryFor: Record<string, string> = {
  '/confirm': '?email=someone%40example.test',
  '/reset-password': '?email=someone%40example.test',
};

async function violationsOn(page: Page, path: string): Promise<string[]> {
  const answer = await page.goto(`${path}${queryFor[path] ?? ''}`);
  // The page itself is checked, never a not-found page in its place.
  expect(answer?.status(), path).toBe(path === '/access-denied' ? 403 : 200);
  await page.waitForLoadState('networkidle');
  // The docs page's interactive reference renders after hydration: check it as people see it.
  if (/^(\/cached\/public)?\/apis\//.test(path))
    await expect(page.locator('.swagger-ui')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
  return results.violations.map(
    (violation) =>
      `${path} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every page has no WCAG 2.1 A/AA violation in ${scheme} mode`, async ({
    page,
    adminPage,
    subscribedCustomer,
    allowConsoleErrors,
  }) => {
    test.setTimeout(300_000);
    // The access-denied page answers 403 on purpose; Chromium logs every 4xx document.
    allowConsoleErrors.push(/status of 403 \(Forbidden\) at \S+\/access-denied$/);
    const keys = await e2eApiGateway().send(
      new GetApiKeysCommand({ includeValues: true, limit: 500 }),
    );
    const sub = keys.items?.find((key) => key.value === subscribedCustomer.key)?.customerId;
    expect(sub).toBeTruthy();
    // Detail pages open records that exist (the setup project's guide and webhook endpoint).
    const { guide, webhookId } = readSeeded();
    const paths = appUrls({
      pagesOnly: true,
      // app/cached holds what anonymous visitors get of the public pages (the public audience).
      params: { slug: 'weather', sub: sub!, audience: 'public' },
      samples: {
        '/guides/[slug]': `/guides/${guide.slug}`,
        '/cached/[audience]/guides/[slug]': `/cached/public/guides/${guide.slug}`,
        '/admin/guides/[id]': `/admin/guides/${guide.id}`,
        '/admin/webhooks/[id]': `/admin/webhooks/${webhookId}`,
      },
    });
    expect(paths.length).toBeGreaterThanOrEqual(20);
    const pages = { visitor: page, customer: subscribedCustomer.page, admin: adminPage };
    const violations: string[] = [];
    for (const audience of Object.values(pages))
      await audience.emulateMedia({ colorScheme: scheme });
    for (const path of paths)
      violations.push(...(await violationsOn(pages[audienceOf(path)], path)));
    expect(violations).toEqual([]);
  });
}
