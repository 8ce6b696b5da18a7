import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { confirmationCode } from '../lib/testing/stack';
import { signUpQuickly } from './support/accounts';
import { expect, test } from './support/fixtures';

/** A refused password: next-auth's callback answers 401, which Chromium logs. */
const refusedSignIn = /status of 401 \(Unauthorized\) at \S+\/api\/auth\/callback\/password$/;

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a new developer signs up, confirms, signs in, sees their account and signs out', async ({
  page,
}) => {
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'Portico-E2e-1';

  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { name: 'Create an account', level: 1 })).toBeVisible();
  await expect(page.getByText('At least 8 characters')).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Choose a password that meets every rule',
  );
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/confirm\?email=/);
  await expect(page.getByText(`We sent a code to ${email}.`)).toBeVisible();
  // In local mode the page shows the code it "emailed" (which may land a moment after the page).
  const shownCode = page.getByTestId('local-code');
  await expect(async () => {
    await page.reload();
    await expect(shownCode).toHaveText(confirmationCode, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel('Confirmation code').fill((await shownCode.textContent())!);
  await page.getByRole('button', { name: 'Confirm account' }).click();

  await expect(page).toHaveURL(/\/sign-in\?confirmed=1/);
  await expect(page.getByText('Your account is confirmed.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByText(email)).toBeVisible();
  await expect(page.getByRole('main').getByText('Developer')).toBeVisible();
  const banner = page.getByRole('banner');
  await expect(banner.getByText(email).filter({ visible: true })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Admin' })).toHaveCount(0);

  await banner.getByRole('button', { name: 'Sign out' }).click();
  await expect(banner.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});

test('a signed-out visit to /account goes to sign-in and comes back after it', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors.push(refusedSignIn);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

  await signIn(page, 'developer@portico.local', 'Wrong-Password-1');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is wrong.');

  await page.getByLabel('Password', { exact: true }).fill('Portico-Dev-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('main').getByText('developer@portico.local')).toBeVisible();
});

test('an off-site callbackUrl is ignored', async ({ page }) => {
  await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F');
  await signIn(page, 'developer@portico.local', 'Portico-Dev-1');
  await expect(page).toHaveURL(/\/account$/);
});

test('an admin sees the Admin section; a customer gets 403 there', async ({
  page,
  openPage,
  allowConsoleErrors,
}) => {
  allowConsoleErrors.push(/status of 403/);
  await page.goto('/sign-in');
  await signIn(page, 'admin@portico.local', 'Portico-Admin-1');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('main').getByText('Administrator')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toBeVisible();

  const customer = await openPage();
  await customer.goto('/sign-in');
  await signIn(customer, 'developer@portico.local', 'Portico-Dev-1');
  await expect(customer).toHaveURL(/\/account$/);
  await expect(customer.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveCount(0);
  const response = await customer.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(
    customer.getByRole('heading', { name: 'You do not have access to this page' }),
  ).toBeVisible();
});

test('a developer deletes their account after confirming, and cannot sign in again', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors.push(refusedSignIn);
  const { email, password } = await signUpQuickly(page);
  await page.goto('/account');

  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const confirm = page.getByLabel(`Type your email, ${email}, to confirm`);
  await expect(confirm).toBeFocused();
  await confirm.fill('someone-else@example.test');
  await page.getByRole('button', { name: 'Delete my account', exact: true }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'The email does not match this account.',
  );
  await page.getByLabel(`Type your email, ${email}, to confirm`).fill(email);
  await page.getByRole('button', { name: 'Delete my account', exact: true }).click();

  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByText('Your account was deleted')).toBeVisible();
  await signIn(page, email, password);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is wrong.');
});
