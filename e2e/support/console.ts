import type { Page } from '@playwright/test';

/** Collects the page's console errors and uncaught exceptions into `errors`. */
export function watchConsole(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}
