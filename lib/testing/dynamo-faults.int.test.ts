import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoFaults } from './dynamo-faults';
import { testPortalDeps } from './portal-deps';

const deps = testPortalDeps();
const faults = dynamoFaults(deps.dynamo);
const item = () => ({ pk: `FAULT-TEST#${randomUUID()}`, sk: 'ITEM' });
const put = (key: { pk: string; sk: string }) =>
  deps.dynamo.send(new PutCommand({ TableName: deps.tableName, Item: key }));
const stored = async (key: { pk: string; sk: string }) =>
  (await deps.dynamo.send(new GetCommand({ TableName: deps.tableName, Key: key }))).Item;

describe('DynamoDB fault middleware on the real client', () => {
  it('fails the next write with a conditional-check failure and writes nothing', async () => {
    faults.clear();
    faults.add({ command: 'PutItemCommand', kind: 'conditional-check' });
    const key = item();
    await expect(put(key)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect(await stored(key)).toBeUndefined();
    await put(key);
    expect(await stored(key)).toEqual(key);
    expect(faults.fired()).toEqual([1]);
  });

  it('throttles only the Nth matching call and only calls that pass `where`', async () => {
    faults.clear();
    const target = item();
    faults.add({
      command: 'PutItemCommand',
      kind: 'throttling',
      nth: 2,
      where: (input) => (input.Item as { pk?: string }).pk === target.pk,
    });
    await put(item());
    await put(target);
    await expect(put(target)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    await put(target);
    expect(faults.fired()).toEqual([1]);
  });

  it('afterSend: the write happens and its answer is lost as a timeout', async () => {
    faults.clear();
    faults.add({ command: 'PutItemCommand', kind: 'timeout', afterSend: true });
    const key = item();
    await expect(put(key)).rejects.toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    expect(await stored(key)).toEqual(key);
  });
});
