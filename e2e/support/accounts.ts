import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, type Page } from '@playwright/test';
import { createCognitoClient } from '../../lib/aws/clients';
import { createUnbudgetedApiGatewayClient } from '../../lib/gateway/client';
import { loadConfig } from '../../lib/config/load';
import { confirmationCode } from '../../lib/testing/stack';
import { e2eStateDir } from './e2e-env';

export const demoAdmin = { email: 'admin@portico.local', password: 'Portico-Admin-1' };
export const demoDeveloper = { email: 'developer@portico.local', password: 'Portico-Dev-1' };

/** A subscribed customer: who they are, their key and the first-call snippet's request. */
export interface Customer {
  email: string;
  password: string;
  key: string;
  /** The invoke URL the dashboard's first-call snippet calls, and the header it sends. */
  url: string;
  header?: { name: string; value: string };
}

/** Where the setup project keeps a signed-in browser state. */
export const savedState = (who: 'admin' | 'customer') => join(e2eStateDir, `${who}.state.json`);
const savedCustomer = join(e2eStateDir, 'customer.json');

export function saveCustomer(customer: Customer): void {
  writeFileSync(savedCustomer, JSON.stringify(customer));
}

export function readSavedCustomer(): Customer {
  return JSON.parse(readFileSync(savedCustomer, 'utf8')) as Customer;
}

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

const newEmail = () => `e2e-${randomUUID().slice(0, 8)}@example.test`;
const e2ePassword = 'Portico-E2e-1';

/** A brand-new developer, signed up and confirmed through the pages, then signed in. */
export async function signUpThroughPages(page: Page) {
  const email = newEmail();
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(e2ePassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Confirmation code').fill(confirmationCode);
  await page.getByRole('button', { name: 'Confirm account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?confirmed=1/);
  await signIn(page, email, e2ePassword);
  return { email, password: e2ePassword };
}

/** A developer signed up through Cognito's API (the pages have their own spec), signed in. */
export async function signUpQuickly(page: Page) {
  const email = newEmail();
  const config = stackConfig();
  const cognito = createCognitoClient(config);
  const ClientId = config.cognito.clientId;
  await cognito.send(new SignUpCommand({ ClientId, Username: email, Password: e2ePassword }));
  await cognito.send(
    new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: confirmationCode }),
  );
  await signIn(page, email, e2ePassword);
  return { email, password: e2ePassword };
}

/** Subscribes the signed-in developer to Bronze and reads their key from the dashboard. */
export async function subscribeToBronze(
  page: Page,
  account: { email: string; password: string },
): Promise<Customer> {
  await page.goto('/plans');
  const bronze = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await bronze.getByRole('button', { name: 'Subscribe to Bronze' }).click();
  await expect(bronze.getByText('Current plan')).toBeVisible();
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Reveal key' }).click();
  const keyValue = page.getByTestId('api-key-value');
  await expect(keyValue).not.toHaveText('•'.repeat(24));
  const key = ((await keyValue.textContent()) ?? '').trim();
  const snippet = (await page.locator('pre code').textContent()) ?? '';
  const url = /"(http[^"]+)"/.exec(snippet)?.[1] ?? '';
  const header = /-H "([^:]+): ([^"]+)"/.exec(snippet);
  return {
    ...account,
    key,
    url,
    ...(header?.[1] && header[2] ? { header: { name: header[1], value: header[2] } } : {}),
  };
}

export async function newSubscribedCustomer(page: Page): Promise<Customer> {
  return subscribeToBronze(page, await signUpQuickly(page));
}

function stackConfig() {
  const env = JSON.parse(readFileSync(join(e2eStateDir, 'stack.json'), 'utf8')) as Record<
    string,
    string
  >;
  return loadConfig(env);
}

/** The e2e stack's API Gateway emulator through the real SDK, as the portal reaches it. */
export function e2eApiGateway() {
  return createUnbudgetedApiGatewayClient(stackConfig());
}

/** The e2e stack's second emulator, standing for another Region, and its endpoint. */
export function e2ePeerGateway() {
  const peer = stackConfig().gateways[1];
  if (!peer?.endpoint) throw new Error('the e2e stack has no second Region');
  const client = createUnbudgetedApiGatewayClient({
    region: peer.region,
    endpoints: { apiGateway: peer.endpoint },
  });
  return { client, endpoint: peer.endpoint };
}
