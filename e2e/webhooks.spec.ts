import { verifyWebhook } from '../lib/webhooks/signing';
import { startReceiver } from '../lib/testing/webhook-receiver';
import { expect, test } from './support/fixtures';

test('a paused endpoint holds the events meanwhile, shows how many, and sends them signed once resumed', async ({
  adminPage: admin,
  newCustomer: customer,
}) => {
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  const rotations = () =>
    receiver.received.filter((hook) => JSON.parse(hook.body).type === 'key.rotated');
  await admin.goto('/admin/webhooks');
  await admin.getByLabel('Endpoint URL').fill(receiver.url);
  await admin.getByRole('checkbox', { name: 'key.rotated' }).check();
  await admin.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = (await admin.getByTestId('webhook-secret').textContent())!.trim();
  const card = admin
    .getByRole('listitem')
    .filter({ has: admin.getByRole('heading', { name: receiver.url }) });
  try {
    await card.getByRole('button', { name: 'Pause' }).click();
    await expect(card.getByTestId('held-deliveries')).toContainText('Holding no deliveries yet.');

    const page = customer.page;
    await page.goto('/dashboard');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Rotate key' }).click();
    await expect(page.getByTestId('api-key-value')).not.toHaveText(customer.key);

    // The local stack's outbox runs every few seconds: the delivery is held, not sent.
    await expect(async () => {
      await admin.reload();
      await expect(card.getByTestId('held-deliveries')).toContainText('Holding 1 delivery.', {
        timeout: 1000,
      });
    }).toPass({ timeout: 30_000 });
    expect(rotations()).toHaveLength(0);

    await card.getByRole('button', { name: 'Resume' }).click();
    await expect(card.getByText('Active', { exact: true })).toBeVisible();
    await expect.poll(() => rotations().length, { timeout: 30_000 }).toBe(1);
    const [hook] = rotations();
    expect(verifyWebhook(secret, hook!.headers, hook!.body)).toBe(true);
    await expect(async () => {
      await admin.reload();
      await expect(card.getByTestId('held-deliveries')).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    admin.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect(card).toHaveCount(0);
    receiver.close();
  }
});
