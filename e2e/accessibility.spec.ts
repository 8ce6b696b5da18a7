import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { GetApiKeysCommand } from '@aws-sdk/client-api-gateway';
import { e2eApiGateway } from './support/accounts';
import { expect, test } from './support/fixtures';
import { appUrls } from './support/routes';

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
  await page.goto(`${path}${queryFor[path] ?? ''}`);
  await page.waitForLoadState('networkidle');
  // The docs page's interactive reference renders after hydration: check it as people see it.
  if (path.startsWith('/apis/')) await expect(page.locator('.swagger-ui')).toBeVisible();
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
    // Detail pages are visited with sample ids and slugs that name no record: their not-found
    // page is what gets checked, and Chromium logs the 404 document.
    allowConsoleErrors.push(
      /status of 404 \(Not Found\) at \S+\/admin\/(guides|webhooks)\/0{8}-0{4}-0{4}-0{4}-0{12}$/,
      /status of 404 \(Not Found\) at \S+\/guides\/weather$/,
    );
    const keys = await e2eApiGateway().send(
      new GetApiKeysCommand({ includeValues: true, limit: 500 }),
    );
    const sub = keys.items?.find((key) => key.value === subscribedCustomer.key)?.customerId;
    const paths = appUrls({ pagesOnly: true, params: { slug: 'weather', sub: sub ?? '' } });
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
