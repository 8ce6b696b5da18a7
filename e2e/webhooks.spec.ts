import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../lib/webhooks/signing';
import { expect, test } from './support/fixtures';

type Hook = { headers: Record<string, string | undefined>; body: string };

/** A webhook receiver on this machine that answers 204 and keeps what it got. */
async function startReceiver() {
  const received: Hook[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      received.push({ headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/hook`, received, close: () => server.close() };
}

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
