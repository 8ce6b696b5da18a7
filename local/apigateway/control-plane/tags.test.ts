import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  GetApiKeyCommand,
  GetStageCommand,
  GetTagsCommand,
  GetUsagePlanCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { deployApi, emulatorPerTest, failure } from './conformance-setup';

const setup = emulatorPerTest();

const arn = (path: string) => `arn:aws:apigateway:us-east-1::${path}`;

/** One resource of each taggable kind, with its ARN and how to read it back. */
async function taggables() {
  const apiId = await deployApi(setup.client);
  const plan = await setup.client.send(
    new CreateUsagePlanCommand({ name: 'Basic', tags: { tier: 'basic' } }),
  );
  const key = await setup.client.send(
    new CreateApiKeyCommand({ name: 'alice', tags: { owner: 'alice' } }),
  );
  return [
    {
      kind: 'usage plan',
      arn: arn(`/usageplans/${plan.id}`),
      initial: { tier: 'basic' },
      read: async () =>
        (await setup.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id! }))).tags,
    },
    {
      kind: 'API key',
      arn: arn(`/apikeys/${key.id}`),
      initial: { owner: 'alice' },
      read: async () => (await setup.client.send(new GetApiKeyCommand({ apiKey: key.id! }))).tags,
    },
    {
      kind: 'stage',
      arn: arn(`/restapis/${apiId}/stages/prod`),
      initial: {},
      read: async () =>
        (await setup.client.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' })))
          .tags,
    },
  ];
}

describe('TagResource, UntagResource and GetTags', () => {
  it('tag, list and untag a usage plan, an API key and a stage', async () => {
    for (const resource of await taggables()) {
      const before = await setup.client.send(new GetTagsCommand({ resourceArn: resource.arn }));
      expect(before.tags, resource.kind).toEqual(resource.initial);

      const tagged = await setup.client.send(
        new TagResourceCommand({
          resourceArn: resource.arn,
          tags: { env: 'prod', team: 'weather' },
        }),
      );
      expect(tagged.$metadata.httpStatusCode, resource.kind).toBe(204);
      const expected = { ...resource.initial, env: 'prod', team: 'weather' };
      expect(
        (await setup.client.send(new GetTagsCommand({ resourceArn: resource.arn }))).tags,
      ).toEqual(expected);
      expect(await resource.read(), resource.kind).toEqual(expected);

      await setup.client.send(
        new TagResourceCommand({ resourceArn: resource.arn, tags: { env: 'staging' } }),
      );
      await setup.client.send(
        new UntagResourceCommand({ resourceArn: resource.arn, tagKeys: ['team', 'absent'] }),
      );
      expect(await resource.read(), resource.kind).toEqual({
        ...resource.initial,
        env: 'staging',
      });
    }
  });

  it('an unknown resource is a NotFoundException and a malformed ARN a BadRequestException', async () => {
    await failure(
      setup.client.send(new GetTagsCommand({ resourceArn: arn('/usageplans/nopln0') })),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(
        new TagResourceCommand({ resourceArn: arn('/apikeys/nokey00000'), tags: { a: 'b' } }),
      ),
      'NotFoundException',
      404,
    );
    await failure(
      setup.client.send(new GetTagsCommand({ resourceArn: 'arn:aws:s3:::bucket' })),
      'BadRequestException',
      400,
    );
  });

  it('refuses aws: keys and more than 50 tags, keeping the tags as they were', async () => {
    const plan = await setup.client.send(
      new CreateUsagePlanCommand({ name: 'Basic', tags: { tier: 'basic' } }),
    );
    const resourceArn = arn(`/usageplans/${plan.id}`);
    await failure(
      setup.client.send(new TagResourceCommand({ resourceArn, tags: { 'aws:owner': 'me' } })),
      'BadRequestException',
      400,
    );
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`t${index}`, 'x']));
    const error = await failure(
      setup.client.send(new TagResourceCommand({ resourceArn, tags: many })),
      'BadRequestException',
      400,
    );
    expect(error.message).toBe('A resource can have at most 50 tags');
    const { tags } = await setup.client.send(new GetTagsCommand({ resourceArn }));
    expect(tags).toEqual({ tier: 'basic' });
  });
});
