import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { newSubscribedCustomer, readSavedCustomer, savedState, type Customer } from './accounts';
import { watchConsole } from './console';

export { expect };

interface Fixtures {
  /**
   * Console errors a test expects (a 404 it asked for, say). Everything else a page logs as an
   * error, and every uncaught exception, fails the test.
   */
  allowConsoleErrors: RegExp[];
  /** Opens a page in a browser context of its own, watched like `page`. */
  openPage: (options?: { as?: 'admin' | 'customer' }) => Promise<Page>;
  /** The setup project's customer: signed up, subscribed to Bronze, key revealed once. */
  subscribedCustomer: Customer & { page: Page };
  /** A customer of the test's own, for tests that change the customer's key or plan. */
  newCustomer: Customer & { page: Page };
  /** The demo admin, signed in by the setup project. */
  adminPage: Page;
}

export const test = base.extend<Fixtures & { consoleErrors: string[] }>({
  allowConsoleErrors: async ({}, provide) => {
    await provide([]);
  },
  consoleErrors: async ({ allowConsoleErrors }, provide) => {
    const errors: string[] = [];
    await provide(errors);
    const unexpected = errors.filter(
      (error) => !allowConsoleErrors.some((pattern) => pattern.test(error)),
    );
    expect(unexpected, 'console errors and uncaught exceptions').toEqual([]);
  },
  page: async ({ page, consoleErrors }, provide) => {
    watchConsole(page, consoleErrors);
    await provide(page);
  },
  openPage: async ({ browser, consoleErrors }, provide) => {
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await provide(async ({ as } = {}) => {
      const context = await browser.newContext(as ? { storageState: savedState(as) } : {});
      contexts.push(context);
      const page = await context.newPage();
      watchConsole(page, consoleErrors);
      return page;
    });
    for (const context of contexts) await context.close();
  },
  subscribedCustomer: async ({ openPage }, provide) => {
    await provide({ ...readSavedCustomer(), page: await openPage({ as: 'customer' }) });
  },
  newCustomer: async ({ openPage }, provide) => {
    const page = await openPage();
    await provide({ ...(await newSubscribedCustomer(page)), page });
  },
  adminPage: async ({ openPage }, provide) => {
    await provide(await openPage({ as: 'admin' }));
  },
});
