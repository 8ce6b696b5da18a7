import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import { expect, test } from '@playwright/test';
import { startReceiver } from '../lib/testing/webhook-receiver';
import { verifyWebhook } from '../lib/webhooks/signing';
import {
  demoAdmin,
  e2eApiGateway,
  signUpQuickly,
  signIn,
  signOut,
  subscribeToBronze,
} from './support/accounts';
import { watchConsole } from './support/console';
import { e2eStateDir } from './support/e2e-env';

const inboxUrl = () => {
  const env = JSON.parse(readFileSync(join(e2eStateDir, 'stack.json'), 'utf8')) as {
    PORTICO_INBOX_PORT: string;
  };
  return `http://127.0.0.1:${env.PORTICO_INBOX_PORT}`;
};

test('a customer who reaches 80% of a small quota is told in the portal, by mail and by a signed webhook, and accepts an offered upgrade', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const receiver = await startReceiver();
  const gateway = e2eApiGateway();
  let tinyPlanId = '';
  let keyId = '';
  try {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await page.goto('/admin/webhooks');
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'quota.threshold' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole('heading', { name: receiver.url })).toBeVisible();
    await signOut(page);

    const customer = await subscribeToBronze(page, await signUpQuickly(page));
    const { key, url } = customer;

    // A plan with a quota of 10 a day, made behind the portal's back, and the key moved to it.
    const keys = await gateway.send(new GetApiKeysCommand({ includeValues: true, limit: 500 }));
    keyId = keys.items!.find((entry) => entry.value === key)!.id!;
    const plans = await gateway.send(new GetUsagePlansCommand({ limit: 500 }));
    const bronzePlan = plans.items!.find((plan) => plan.name === 'Bronze')!;
    const bronzeId = bronzePlan.id!;
    const tiny = await gateway.send(
      new CreateUsagePlanCommand({
        name: 'Tiny',
        apiStages: bronzePlan.apiStages!.map(({ apiId, stage }) => ({ apiId, stage })),
        quota: { limit: 10, period: 'DAY', offset: 0 },
      }),
    );
    tinyPlanId = tiny.id!;
    await gateway.send(new DeleteUsagePlanKeyCommand({ usagePlanId: bronzeId, keyId }));
    await gateway.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: tinyPlanId, keyId, keyType: 'API_KEY' }),
    );
    // The read model learns of it at the next sync; alerts read the usage snapshots of the
    // plans it knows.
    await signOut(page);
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await page.goto('/admin/customers');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText(/^Repaired \d+ record/)).toBeVisible({ timeout: 30_000 });
    await signOut(page);
    await signIn(page, customer.email, customer.password);
    for (let call = 0; call < 8; call += 1) {
      expect((await request.get(url, { headers: { 'x-api-key': key } })).status()).toBe(200);
    }

    // The portal: an unread count in the header, then the notification itself.
    await expect(async () => {
      await page.goto('/dashboard');
      await expect(page.getByTestId('notifications-link').first()).toContainText('1 unread', {
        timeout: 1000,
      });
    }).toPass({ timeout: 60_000 });
    await page.getByTestId('notifications-link').first().click();
    await expect(page.getByTestId('notification-list')).toContainText(
      'You have used 80% of your Tiny quota for this period.',
    );
    await page.goto('/dashboard');
    await expect(page.getByTestId('notifications-link').first()).not.toContainText('unread');

    // The local inbox, through MailDev's API.
    await expect
      .poll(
        async () => {
          const mails = (await (await request.get(`${inboxUrl()}/email`)).json()) as {
            subject: string;
            to: { address: string }[];
          }[];
          return mails
            .filter((mail) => mail.to.some((to) => to.address === customer.email))
            .map((mail) => mail.subject);
        },
        { timeout: 30_000 },
      )
      .toContain('Portico: You have used 80% of your Tiny quota');

    // The receiver: a Standard Webhook, verified with the endpoint's secret.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const hook = receiver.received.find((entry) => entry.body.includes('quota.threshold'))!;
    expect(verifyWebhook(secret, hook.headers, hook.body)).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'quota.threshold',
      data: { planName: 'Tiny', threshold: '80', used: '8', limit: '10', actor: 'portal' },
    });

    // The admin: Tiny's thresholds (a wrong list is explained), then an offer of Gold.
    await signOut(page);
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await page.goto('/admin/plans');
    const thresholds = page.getByLabel('Quota alerts for Tiny (% of the quota)');
    const thresholdsForm = page.locator('form').filter({ has: thresholds });
    await thresholds.fill('80, 100, 80');
    await thresholdsForm.getByRole('button', { name: 'Save alerts' }).click();
    await expect(thresholdsForm).toContainText('Give each threshold once: 80 is there twice.');
    await expect(thresholds).toHaveAttribute('aria-invalid', 'true');
    await thresholds.fill('100 80');
    await thresholdsForm.getByRole('button', { name: 'Save alerts' }).click();
    await expect(thresholdsForm).toContainText(
      'Tiny customers are alerted at 80%, 100% of their quota.',
    );
    await page.goto('/admin/usage');
    const near = page
      .getByRole('table', { name: 'Customers at or above 80% of their quota this period' })
      .getByRole('row')
      .filter({ hasText: 'Tiny' });
    await near.getByRole('combobox').selectOption({ label: 'Gold' });
    await near.getByRole('button', { name: 'Offer' }).click();
    await expect(near).toContainText(`Offered Gold to ${customer.email}`);
    await signOut(page);

    // The customer accepts on the dashboard: their key moves to Gold.
    await signIn(page, customer.email, customer.password);
    await page.goto('/dashboard');
    await expect(page.getByText('You are offered the Gold plan.')).toBeVisible();
    await page.getByRole('button', { name: 'Accept Gold' }).click();
    await expect(
      page.getByText("You accepted the offer: your key now uses Gold's limits."),
    ).toBeVisible();
    await expect(page.getByText('Gold: Accepted')).toBeVisible();
    await expect(page.getByTestId('subscribed-plan')).toContainText('Gold');
    expect(errors).toEqual([]);
  } finally {
    receiver.close();
    // Accepting the offer moved the key off Tiny; without it, the key is still there.
    if (tinyPlanId && keyId)
      await gateway
        .send(new DeleteUsagePlanKeyCommand({ usagePlanId: tinyPlanId, keyId }))
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.name === 'NotFoundException')) throw error;
        });
    if (tinyPlanId) await gateway.send(new DeleteUsagePlanCommand({ usagePlanId: tinyPlanId }));
  }
});
