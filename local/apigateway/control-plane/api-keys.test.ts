import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  ImportApiKeysCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import {
  deployApi,
  emulatorPerTest,
  failure,
  fakeClock,
  planWithKey,
  singleAttemptClient,
} from './conformance-setup';

const clock = fakeClock('2026-05-04T08:30:00Z');
const setup = emulatorPerTest({ clock });

const value20 = 'abcdefghij0123456789';
const csv = (text: string) => new TextEncoder().encode(text);

async function createKeys(names: string[], extra: { customerId?: string } = {}) {
  const ids: string[] = [];
  for (const name of names) {
    const key = await setup.client.send(new CreateApiKeyCommand({ name, ...extra }));
    ids.push(key.id!);
  }
  return ids;
}

describe('CreateApiKey', () => {
  it('generates a 40-character value, is disabled by default and returns the value', async () => {
    const { $metadata, ...key } = await setup.client.send(
      new CreateApiKeyCommand({ name: 'alice', description: 'Alice at Acme' }),
    );

    expect($metadata.httpStatusCode).toBe(201);
    expect(key).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      value: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
      name: 'alice',
      description: 'Alice at Acme',
      enabled: false,
      createdDate: new Date('2026-05-04T08:30:00Z'),
      lastUpdatedDate: new Date('2026-05-04T08:30:00Z'),
      stageKeys: [],
      tags: {},
    });
  });

  it('keeps a given value of 20 characters or more, with customerId, enabled and tags', async () => {
    const key = await setup.client.send(
      new CreateApiKeyCommand({
        name: 'bob',
        value: value20,
        enabled: true,
        customerId: 'cus_42',
        tags: { owner: 'bob' },
      }),
    );
    expect(key).toMatchObject({
      value: value20,
      enabled: true,
      customerId: 'cus_42',
      tags: { owner: 'bob' },
    });
  });

  it('refuses a value shorter than 20 characters', async () => {
    const error = await failure(
      setup.client.send(new CreateApiKeyCommand({ name: 'short', value: value20.slice(1) })),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe('API Key value should be at least 20 characters and at most 128');
  });

  it('refuses a value another key already has with ConflictException', async () => {
    await setup.client.send(new CreateApiKeyCommand({ name: 'first', value: value20 }));
    const error = await failure(
      setup.client.send(new CreateApiKeyCommand({ name: 'second', value: value20 })),
      'ConflictException',
      409,
    );
    expect(error.message).toBe('API Key already exists');
    const { items } = await setup.client.send(new GetApiKeysCommand({}));
    expect(items?.map((key) => key.name)).toEqual(['first']);
  });
});

describe('GetApiKey', () => {
  it('leaves the value out unless includeValue is true', async () => {
    const created = await setup.client.send(
      new CreateApiKeyCommand({ name: 'alice', value: value20 }),
    );
    const plain = await setup.client.send(new GetApiKeyCommand({ apiKey: created.id! }));
    const withValue = await setup.client.send(
      new GetApiKeyCommand({ apiKey: created.id!, includeValue: true }),
    );

    expect(plain.value).toBeUndefined();
    expect(plain.name).toBe('alice');
    expect(withValue.value).toBe(value20);
  });

  it('of an unknown id is a NotFoundException', async () => {
    const error = await failure(
      setup.client.send(new GetApiKeyCommand({ apiKey: 'nokey00000' })),
      'NotFoundException',
      404,
    );
    expect(error.message).toBe('Invalid API Key identifier specified');
  });
});

describe('GetApiKeys', () => {
  it('nameQuery matches names by prefix', async () => {
    await createKeys(['alice', 'alan', 'bob', 'malice']);
    const { items } = await setup.client.send(new GetApiKeysCommand({ nameQuery: 'al' }));
    expect(items?.map((key) => key.name).sort()).toEqual(['alan', 'alice']);
  });

  it('filters by customerId', async () => {
    const [acme] = await createKeys(['acme'], { customerId: 'cus_acme' });
    await createKeys(['globex'], { customerId: 'cus_globex' });
    await createKeys(['nobody']);
    const { items } = await setup.client.send(new GetApiKeysCommand({ customerId: 'cus_acme' }));
    expect(items?.map((key) => key.id)).toEqual([acme]);
  });

  it('includes the values only with includeValues', async () => {
    await setup.client.send(new CreateApiKeyCommand({ name: 'alice', value: value20 }));
    const plain = await setup.client.send(new GetApiKeysCommand({}));
    const withValues = await setup.client.send(new GetApiKeysCommand({ includeValues: true }));
    expect(plain.items?.[0]?.value).toBeUndefined();
    expect(withValues.items?.[0]?.value).toBe(value20);
  });

  it('returns 25 keys per page by default and walks every key with position', async () => {
    const ids = await createKeys(Array.from({ length: 30 }, (_, index) => `key-${index}`));

    const first = await setup.client.send(new GetApiKeysCommand({}));
    expect(first.items).toHaveLength(25);
    expect(first.position).toEqual(expect.any(String));

    const seen: string[] = [];
    let position: string | undefined;
    const pageSizes: number[] = [];
    do {
      const page = await setup.client.send(new GetApiKeysCommand({ limit: 12, position }));
      pageSizes.push(page.items!.length);
      seen.push(...page.items!.map((key) => key.id!));
      position = page.position;
    } while (position);
    expect(pageSizes).toEqual([12, 12, 6]);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('accepts a limit of 500 and refuses 501 or 0', async () => {
    await createKeys(['only']);
    const page = await setup.client.send(new GetApiKeysCommand({ limit: 500 }));
    expect(page.items).toHaveLength(1);
    for (const limit of [501, 0]) {
      const error = await failure(
        setup.client.send(new GetApiKeysCommand({ limit })),
        'BadRequestException',
        400,
      );
      expect(error.message).toBe('Invalid limit: must be between 1 and 500');
    }
  });

  it('refuses a position it did not hand out', async () => {
    await failure(
      setup.client.send(new GetApiKeysCommand({ position: 'not-a-position' })),
      'BadRequestException',
      400,
    );
  });
});

describe('UpdateApiKey', () => {
  it('replaces name, description, enabled and customerId', async () => {
    const key = await setup.client.send(new CreateApiKeyCommand({ name: 'alice' }));
    clock.advance(90_000);
    const updated = await setup.client.send(
      new UpdateApiKeyCommand({
        apiKey: key.id!,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'alice-prod' },
          { op: 'replace', path: '/description', value: 'Production key' },
          { op: 'replace', path: '/enabled', value: 'true' },
          { op: 'replace', path: '/customerId', value: 'cus_7' },
        ],
      }),
    );

    expect(updated).toMatchObject({
      id: key.id,
      name: 'alice-prod',
      description: 'Production key',
      enabled: true,
      customerId: 'cus_7',
      createdDate: new Date('2026-05-04T08:30:00Z'),
      lastUpdatedDate: new Date('2026-05-04T08:31:30Z'),
    });
    expect(updated.value).toBeUndefined();
    const fetched = await setup.client.send(new GetApiKeyCommand({ apiKey: key.id! }));
    expect(fetched.name).toBe('alice-prod');
  });

  it('refuses the value, another op and a non-boolean enabled, changing nothing', async () => {
    const key = await setup.client.send(new CreateApiKeyCommand({ name: 'alice' }));
    const attempts = [
      { op: 'replace' as const, path: '/value', value: 'x'.repeat(30) },
      { op: 'add' as const, path: '/name', value: 'x' },
      { op: 'replace' as const, path: '/enabled', value: 'yes' },
    ];
    for (const operation of attempts) {
      await failure(
        setup.client.send(
          new UpdateApiKeyCommand({
            apiKey: key.id!,
            patchOperations: [{ op: 'replace', path: '/name', value: 'renamed' }, operation],
          }),
        ),
        'BadRequestException',
        400,
      );
    }
    const fetched = await setup.client.send(new GetApiKeyCommand({ apiKey: key.id! }));
    expect(fetched).toMatchObject({ name: 'alice', enabled: false });
  });
});

describe('control-plane changes reach the data plane at once', () => {
  const invoke = (apiId: string, keyValue: string) =>
    fetch(`${setup.emulator.url}/restapis/${apiId}/prod/_user_request_/forecast`, {
      headers: { 'x-api-key': keyValue },
    }).then((response) => response.status);

  it('a disabled key is refused with 403 until enabled again', async () => {
    const apiId = await deployApi(setup.client);
    const { keyId, keyValue } = await planWithKey(setup.client, apiId);
    expect(await invoke(apiId, keyValue)).toBe(200);

    const enabled = (value: string) =>
      setup.client.send(
        new UpdateApiKeyCommand({
          apiKey: keyId,
          patchOperations: [{ op: 'replace', path: '/enabled', value }],
        }),
      );
    await enabled('false');
    expect(await invoke(apiId, keyValue)).toBe(403);
    await enabled('true');
    expect(await invoke(apiId, keyValue)).toBe(200);
  });

  it('a deleted key is refused with 403', async () => {
    const apiId = await deployApi(setup.client);
    const { keyId, keyValue } = await planWithKey(setup.client, apiId);
    expect(await invoke(apiId, keyValue)).toBe(200);
    await setup.client.send(new DeleteApiKeyCommand({ apiKey: keyId }));
    expect(await invoke(apiId, keyValue)).toBe(403);
  });
});

describe('DeleteApiKey', () => {
  it('deletes the key and its usage plan links', async () => {
    const apiId = await deployApi(setup.client);
    const { planId, keyId } = await planWithKey(setup.client, apiId);

    const result = await setup.client.send(new DeleteApiKeyCommand({ apiKey: keyId }));
    expect(result.$metadata.httpStatusCode).toBe(202);
    await failure(
      setup.client.send(new GetApiKeyCommand({ apiKey: keyId })),
      'NotFoundException',
      404,
    );
    const planKeys = await setup.client.send(new GetUsagePlanKeysCommand({ usagePlanId: planId }));
    expect(planKeys.items).toEqual([]);
    const plans = await setup.client.send(new GetUsagePlansCommand({ keyId }));
    expect(plans.items).toEqual([]);
    await setup.client.send(new DeleteUsagePlanCommand({ usagePlanId: planId }));
  });

  it('of an unknown id is a NotFoundException', async () => {
    await failure(
      setup.client.send(new DeleteApiKeyCommand({ apiKey: 'nokey00000' })),
      'NotFoundException',
      404,
    );
  });
});

describe('ImportApiKeys', () => {
  const header = 'Name,Key,Description,Enabled,UsageplanIds';

  it('imports every good line, links the plans and reports a warning per bad line', async () => {
    const apiId = await deployApi(setup.client);
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', apiStages: [{ apiId, stage: 'prod' }] }),
    );
    const spare = await setup.client.send(new CreateUsagePlanCommand({ name: 'Spare' }));
    const body = [
      header,
      `alice,${value20}A,Alice,true,${plan.id}`,
      'short,tooshort,,true,',
      `bob,${value20}B,"Bob, the builder",false,`,
      `carol,${value20}C,,maybe,`,
      `dave,${value20}D,,true,nosuchplan`,
      `erin,${value20}E,,,'${plan.id},${spare.id}'`,
    ].join('\n');

    const result = await setup.client.send(
      new ImportApiKeysCommand({ body: csv(body), format: 'csv', failOnWarnings: false }),
    );
    expect(result.$metadata.httpStatusCode).toBe(201);
    expect(result.ids).toHaveLength(3);
    expect(result.warnings).toEqual([
      'Line 3: API Key value should be at least 20 characters and at most 128',
      'Line 5: Enabled must be true or false, got maybe',
      'Line 6: Unknown usage plan nosuchplan',
    ]);

    const { items } = await setup.client.send(new GetApiKeysCommand({ includeValues: true }));
    expect(
      items?.map(({ name, value, description, enabled }) => ({
        name,
        value,
        description,
        enabled,
      })),
    ).toEqual([
      { name: 'alice', value: `${value20}A`, description: 'Alice', enabled: true },
      { name: 'bob', value: `${value20}B`, description: 'Bob, the builder', enabled: false },
      { name: 'erin', value: `${value20}E`, description: undefined, enabled: true },
    ]);
    const planKeys = await setup.client.send(
      new GetUsagePlanKeysCommand({ usagePlanId: plan.id! }),
    );
    expect(planKeys.items?.map((item) => item.name)).toEqual(['alice', 'erin']);
    const erinPlans = await setup.client.send(new GetUsagePlansCommand({ keyId: result.ids![2] }));
    expect(erinPlans.items?.map((item) => item.name)).toEqual(['Basic', 'Spare']);
  });

  it('a key value already present overwrites that key, which keeps its id', async () => {
    const existing = await setup.client.send(
      new CreateApiKeyCommand({ name: 'old', description: 'Old', value: value20 }),
    );
    const body = [header, `new,${value20},,TRUE,`, `newer,${value20},Newest,true,`].join('\n');
    const result = await setup.client.send(
      new ImportApiKeysCommand({ body: csv(body), format: 'csv', failOnWarnings: true }),
    );

    expect(result.ids).toEqual([existing.id]);
    expect(result.warnings).toBeUndefined();
    const key = await setup.client.send(new GetApiKeyCommand({ apiKey: existing.id! }));
    expect(key).toMatchObject({ name: 'newer', description: 'Newest', enabled: true });
    expect((await setup.client.send(new GetApiKeysCommand({}))).items).toHaveLength(1);
  });

  it('a line that would put its key in two plans of one stage leaves nothing behind', async () => {
    const apiId = await deployApi(setup.client);
    const plans = [];
    for (const name of ['Basic', 'Premium']) {
      plans.push(
        await setup.client.send(
          new CreateUsagePlanCommand({ name, apiStages: [{ apiId, stage: 'prod' }] }),
        ),
      );
    }
    const body = [header, `alice,${value20},,true,"${plans[0]!.id},${plans[1]!.id}"`].join('\n');
    const result = await setup.client.send(
      new ImportApiKeysCommand({ body: csv(body), format: 'csv' }),
    );

    expect(result.ids).toEqual([]);
    expect(result.warnings).toEqual([
      `Line 2: The key would be in two usage plans covering the same API stage (${plans[1]!.id})`,
    ]);
    expect((await setup.client.send(new GetApiKeysCommand({}))).items).toEqual([]);
    const planKeys = await setup.client.send(
      new GetUsagePlanKeysCommand({ usagePlanId: plans[0]!.id! }),
    );
    expect(planKeys.items).toEqual([]);
  });

  it('with failOnWarnings imports nothing when a line is bad', async () => {
    const body = [header, `alice,${value20}A,,true,`, 'short,tooshort,,true,'].join('\n');
    const error = await failure(
      setup.client.send(
        new ImportApiKeysCommand({ body: csv(body), format: 'csv', failOnWarnings: true }),
      ),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe(
      'Warnings found during import:\n\tLine 3: API Key value should be at least 20 characters and at most 128',
    );
    const { items } = await setup.client.send(new GetApiKeysCommand({}));
    expect(items).toEqual([]);
  });

  it('takes the columns in any order and case, ignores unknown ones, and needs Name and Key', async () => {
    const body = `key,Owner,NAME\r\n${value20},someone,carol\r\n`;
    const result = await setup.client.send(
      new ImportApiKeysCommand({ body: csv(body), format: 'csv' }),
    );
    const key = await setup.client.send(
      new GetApiKeyCommand({ apiKey: result.ids![0]!, includeValue: true }),
    );
    expect(key).toMatchObject({ name: 'carol', value: value20, enabled: true });

    for (const text of ['Name\ncarol\n', `Key\n${value20}X\n`]) {
      const error = await failure(
        setup.client.send(new ImportApiKeysCommand({ body: csv(text), format: 'csv' })),
        'BadRequestException',
        400,
      );
      expect(error.message).toBe('Invalid CSV header: the Name and Key columns are required');
    }
  });
});

describe('key limits', () => {
  it('allows 10,000 keys and refuses the next with LimitExceededException', async () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, index) => `k${index},key-value-${String(index).padStart(10, '0')}`,
    );
    const result = await setup.client.send(
      new ImportApiKeysCommand({ body: csv(['Name,Key', ...rows].join('\n')), format: 'csv' }),
    );
    expect(result.ids).toHaveLength(10_000);
    expect(result.warnings).toBeUndefined();

    const error = await failure(
      singleAttemptClient(setup.emulator.url).send(new CreateApiKeyCommand({ name: 'one more' })),
      'LimitExceededException',
      429,
    );
    expect(error.message).toBe('You have reached the limit of 10000 API keys');

    // A delete frees a place and the key's value; an import's key counts like any other.
    const [first] = result.ids!;
    await setup.client.send(new DeleteApiKeyCommand({ apiKey: first }));
    const again = await setup.client.send(
      new CreateApiKeyCommand({ name: 'again', value: 'key-value-0000000000' }),
    );
    expect(again.value).toBe('key-value-0000000000');
    await failure(
      singleAttemptClient(setup.emulator.url).send(
        new CreateApiKeyCommand({ name: 'duplicate', value: 'key-value-0000000001' }),
      ),
      'LimitExceededException',
      429,
    );
    // Importing 10,000 keys takes about a second on a quiet machine; a loaded one needs longer.
  }, 30_000);

  it('lets a key be in 10 usage plans, not 11', async () => {
    const key = await setup.client.send(new CreateApiKeyCommand({ name: 'busy' }));
    const plans: string[] = [];
    for (let index = 0; index < 11; index += 1) {
      const plan = await setup.client.send(new CreateUsagePlanCommand({ name: `p${index}` }));
      plans.push(plan.id!);
    }
    for (const usagePlanId of plans.slice(0, 10)) {
      await setup.client.send(
        new CreateUsagePlanKeyCommand({ usagePlanId, keyId: key.id!, keyType: 'API_KEY' }),
      );
    }
    const error = await failure(
      singleAttemptClient(setup.emulator.url).send(
        new CreateUsagePlanKeyCommand({
          usagePlanId: plans[10]!,
          keyId: key.id!,
          keyType: 'API_KEY',
        }),
      ),
      'LimitExceededException',
      429,
    );
    expect(error.message).toBe(`API Key ${key.id} cannot be in more than 10 usage plans`);
  });
});
