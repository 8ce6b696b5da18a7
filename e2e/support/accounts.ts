import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { createUnbudgetedApiGatewayClient } from '../../lib/gateway/client';
import { loadConfig } from '../../lib/config/load';
import { confirmationCode } from '../../lib/testing/stack';
import { e2eStateDir } from './e2e-env';

export const demoAdmin = { email: 'admin@portico.local', password: 'Portico-Admin-1' };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('banner').getByText(email).first()).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).first().click();
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Sign in' }).first(),
  ).toBeVisible();
}

/** A brand-new developer, signed up and confirmed through the pages, then signed in. */
export async function newSignedInDeveloper(page: Page) {
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'Portico-E2e-1';
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Confirmation code').fill(confirmationCode);
  await page.getByRole('button', { name: 'Confirm account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?confirmed=1/);
  await signIn(page, email, password);
  return { email, password };
}

/** The e2e stack's API Gateway emulator through the real SDK, as the portal reaches it. */
export function e2eApiGateway() {
  const env = JSON.parse(readFileSync(join(e2eStateDir, 'stack.json'), 'utf8')) as Record<
    string,
    string
  >;
  return createUnbudgetedApiGatewayClient(loadConfig(env));
}
