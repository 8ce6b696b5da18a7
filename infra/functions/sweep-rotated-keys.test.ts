import type { APIGatewayClient, ApiKey } from '@aws-sdk/client-api-gateway';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { housekeeper, sweepRotatedKeys } from './sweep-rotated-keys';

const now = Date.UTC(2026, 0, 10);
const key = (id: string, customerId: string, disableAfter?: number): ApiKey => ({
  id,
  name: `portico-${customerId}`,
  customerId,
  enabled: true,
  createdDate: new Date(now - 1000),
  tags: disableAfter === undefined ? {} : { 'portico:disable-after': String(disableAfter) },
});

/** A stand-in API Gateway that answers by command name and records what was sent. */
function fakeGateway(keys: ApiKey[]) {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const client = {
    config: { region: async () => 'eu-west-1' },
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name.replace(/Command$/, '');
      sent.push({ command: name, input: command.input });
      if (name === 'GetApiKeys') {
        const prefix = String(command.input.nameQuery);
        const customer = command.input.customerId;
        return {
          items: keys.filter(
            (k) => k.name!.startsWith(prefix) && (!customer || k.customerId === customer),
          ),
        };
      }
      if (name === 'GetUsagePlans') return { items: [{ id: 'bronze' }] };
      return {};
    },
  };
  return { client: client as unknown as APIGatewayClient, sent };
}

function fakeDynamo() {
  const items: Record<string, unknown>[] = [];
  const client = {
    async send(command: { input: { Item: Record<string, unknown> } }) {
      items.push(command.input.Item);
      return {};
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, items };
}

describe('sweepRotatedKeys', () => {
  it('disables only keys past their grace period, once per customer, and audits it', async () => {
    const gateway = fakeGateway([
      key('old-a', 'alice', now - 1),
      key('new-a', 'alice'),
      key('old-b', 'bob', now + 60_000),
      key('new-c', 'carol'),
    ]);
    const dynamo = fakeDynamo();
    const result = await sweepRotatedKeys({
      apiGateway: gateway.client,
      dynamo: dynamo.client,
      tableName: 'portico',
      now: () => now,
      keyGraceMs: 0,
    });

    expect(result).toEqual({ customers: 1, disabled: 1 });
    const changes = gateway.sent.filter((s) => !s.command.startsWith('Get'));
    expect(changes).toEqual([
      { command: 'DeleteUsagePlanKey', input: { usagePlanId: 'bronze', keyId: 'old-a' } },
      {
        command: 'UpdateApiKey',
        input: {
          apiKey: 'old-a',
          patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
        },
      },
    ]);
    expect(dynamo.items).toHaveLength(1);
    expect(JSON.stringify(dynamo.items[0])).toContain(housekeeper.sub);
  });
});
