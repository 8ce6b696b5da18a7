import type { APIRequestContext, Page } from '@playwright/test';
import { appRoutes } from '../lib/testing/app-surface';
import {
  expectedOutcome,
  personas,
  routeMatrix,
  type Outcome,
  type Persona,
  type RouteRow,
} from '../lib/testing/authorization-matrix';
import { demoAdmin } from './support/accounts';
import { expect, test } from './support/fixtures';
import { readSeeded } from './support/seeded';
import { createAccount, httpSession, subOf } from './support/sessions';

/**
 * Every page and route handler of the app (read from the filesystem: a route without a row in
 * lib/testing/authorization-matrix.ts fails) × six real personas over HTTP. The disabled
 * account and the demoted admin sign in first, then an admin disables or demotes them in the
 * admin console: their cookies are the ones they had before.
 */
const developer = { email: 'developer@portico.local', password: 'Portico-Dev-1' };

async function adminDoes(page: Page, sub: string, button: string, done: RegExp) {
  await page.goto(`/admin/customers/${sub}`);
  // The buttons are server actions' forms with a confirmation: click once the page has hydrated.
  await page.waitForLoadState('networkidle');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: button }) });
  const reason = form.getByLabel('Reason (for the audit log)');
  if (await reason.count()) await reason.fill('Authorization matrix test');
  page.once('dialog', (dialog) => void dialog.accept());
  await form.getByRole('button', { name: button }).click();
  await expect(page.getByText(done).first()).toBeVisible();
}

async function outcomeOf(context: APIRequestContext, path: string, row: RouteRow) {
  const answer = await context.get(path, { maxRedirects: 0, headers: row.headers ?? {} });
  const status = answer.status();
  const body = await answer.text();
  const refresh = /http-equiv="refresh" content="\d+;url=([^"]*)"/.exec(body)?.[1];
  const location = answer.headers().location ?? refresh ?? '';
  let outcome: Outcome | `status ${number}` = `status ${status}`;
  if (location.startsWith('/sign-in') || location.includes('/sign-in?')) outcome = 'sign-in';
  else if (status === 403) outcome = 'forbidden';
  else if (status < 400) outcome = 'allowed';
  return { outcome, body };
}

test('every route × anonymous, customer, another customer, admin, disabled account, demoted admin', async ({
  baseURL,
  adminPage: page,
  request,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? '';
  const patterns = appRoutes().map((route) => route.pattern);
  expect(patterns.filter((pattern) => !(pattern in routeMatrix))).toEqual([]);

  const other = await createAccount();
  const toDisable = await createAccount();
  const toDemote = await createAccount({ admin: true });
  const sessions: Record<Persona, APIRequestContext> = {
    anonymous: request,
    customer: await httpSession(base, developer),
    'another customer': await httpSession(base, other),
    admin: await httpSession(base, demoAdmin),
    'disabled account': await httpSession(base, toDisable),
    'demoted admin': await httpSession(base, toDemote),
  };

  await adminDoes(page, toDisable.sub, 'Disable account', /Account disabled/);
  await adminDoes(page, toDemote.sub, 'Remove admin rights', /No longer an administrator/);

  const customerSub = await subOf(developer.email);
  const { guide, webhookId } = readSeeded();
  const samplePath = (row: RouteRow) =>
    row.sample
      .replace('{customer}', customerSub)
      .replace('{guideSlug}', guide.slug)
      .replace('{guide}', guide.id)
      .replace('{webhook}', webhookId);
  const mismatches: string[] = [];
  for (const pattern of patterns) {
    const row = routeMatrix[pattern];
    if (!row) continue;
    const path = samplePath(row);
    for (const persona of personas) {
      const expected = expectedOutcome(row.audience, persona);
      const { outcome, body } = await outcomeOf(sessions[persona], path, row);
      if (outcome !== expected)
        mismatches.push(`${persona} ${path}: expected ${expected}, got ${outcome}`);
      // Nobody sees another customer's account: the customer's and the other's emails stay apart.
      if (
        persona === 'another customer' &&
        body.includes(developer.email) &&
        row.audience !== 'admin'
      )
        mismatches.push(`${persona} ${path}: shows ${developer.email}`);
      if (persona === 'customer' && body.includes(other.email))
        mismatches.push(`${persona} ${path}: shows ${other.email}`);
    }
  }
  expect(mismatches).toEqual([]);
});
