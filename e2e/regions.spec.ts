import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { e2ePeerGateway } from './support/accounts';
import { expect, test } from './support/fixtures';

/*
 * The e2e stack runs a second API Gateway emulator for another Region (local/seed's
 * `peerSeed`): Geocoding lives there, and Bronze spans both Regions.
 */
test('one Bronze key works in both Regions: the plans page, the docs and try-it of the second Region', async ({
  subscribedCustomer: customer,
  request,
}) => {
  test.setTimeout(120_000);
  const { page, key } = customer;

  await page.goto('/plans');
  const bronze = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bronze' }) });
  await expect(bronze.getByRole('link', { name: 'Geocoding' })).toBeVisible();
  await expect(bronze.getByRole('link', { name: 'Weather' })).toBeVisible();

  await page.goto('/apis/geocoding');
  await expect(page.getByRole('heading', { name: /Geocoding/, level: 1 })).toBeVisible();
  await expect(page.getByTestId('try-it-notice')).toContainText('Try it out with your own key');
  const reference = page.locator('.swagger-ui');
  await expect(reference).toBeVisible({ timeout: 20_000 });
  const operation = reference.locator('.opblock', { hasText: '/places' }).first();
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByPlaceholder('q').fill('dublin');
  await operation.getByRole('button', { name: 'Execute' }).click();
  await expect(operation.getByTestId('try-it-status')).toHaveText('200 OK');
  await expect(operation.getByTestId('try-it-body')).toContainText('Dublin');

  // The value the dashboard revealed calls the second Region's data plane directly too.
  const peer = e2ePeerGateway();
  const apis = await peer.client.send(new GetRestApisCommand({ limit: 500 }));
  const geocoding = apis.items?.find((api) => api.name === 'Geocoding');
  const url = `${peer.endpoint}/restapis/${geocoding?.id}/prod/_user_request_/places?q=dublin`;
  expect((await request.get(url, { headers: { 'x-api-key': key } })).status()).toBe(200);
  expect((await request.get(url, { headers: { 'x-api-key': 'x'.repeat(30) } })).status()).toBe(403);
});
