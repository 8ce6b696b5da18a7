import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AdminListGroupsForUserCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createUnbudgetedApiGatewayClient } from '../../lib/gateway/client';
import { planMetadataFromTags } from '../../lib/gateway/plan-tags';
import { stackClients } from '../../lib/testing/stack';
import { seedUsers } from '../seed/seed-data';
import { freePorts } from './ports';
import { startLocalStack } from './start-stack';

describe('the seeded local stack', () => {
  const { config, apiGateway, cognito, dynamo } = stackClients();

  it('has both demo APIs with a prod stage', async () => {
    const apis = await apiGateway.send(new GetRestApisCommand({}));
    expect(apis.items?.map((api) => api.name).sort()).toEqual(['Payments', 'Weather']);
    const payments = apis.items?.find((api) => api.name === 'Payments');
    expect(payments?.apiKeySource).toBe('AUTHORIZER');
    for (const api of apis.items ?? []) {
      const stages = await apiGateway.send(new GetStagesCommand({ restApiId: api.id }));
      expect(stages.item?.map((stage) => stage.stageName)).toEqual(['prod']);
    }
  });

  it('has Bronze, Silver and Gold covering the same stages, only Gold needing approval', async () => {
    const plans = await apiGateway.send(new GetUsagePlansCommand({}));
    const byName = new Map(plans.items?.map((plan) => [plan.name, plan]));
    expect([...byName.keys()].sort()).toEqual(['Bronze', 'Gold', 'Silver']);
    const stagesOf = (name: string) =>
      byName
        .get(name)
        ?.apiStages?.map((s) => `${s.apiId}:${s.stage}`)
        .sort();
    expect(stagesOf('Silver')).toEqual(stagesOf('Bronze'));
    expect(stagesOf('Gold')).toEqual(stagesOf('Bronze'));
    expect(stagesOf('Bronze')).toHaveLength(2);
    const approvals = ['Bronze', 'Silver', 'Gold'].map(
      (name) => planMetadataFromTags(byName.get(name)?.tags).approval,
    );
    expect(approvals).toEqual(['auto', 'auto', 'manual']);
    const rates = new Set(plans.items?.map((plan) => plan.throttle?.rateLimit));
    expect(rates.size).toBe(3);
  });

  it('has the admin and the developer account, only the admin in the admin group', async () => {
    const users = await cognito.send(
      new ListUsersCommand({ UserPoolId: config.cognito.userPoolId }),
    );
    const emails = users.Users?.map(
      (user) => user.Attributes?.find((a) => a.Name === 'email')?.Value,
    ).sort();
    expect(emails).toEqual(seedUsers.map((user) => user.email).sort());
    for (const user of seedUsers) {
      // By the pool's own Username (the sub): cognito-local matches group members against the
      // name as given, so looking up by the email alias finds no groups there.
      const username = users.Users?.find((candidate) =>
        candidate.Attributes?.some((a) => a.Name === 'email' && a.Value === user.email),
      )?.Username;
      const groups = await cognito.send(
        new AdminListGroupsForUserCommand({
          UserPoolId: config.cognito.userPoolId,
          Username: username,
        }),
      );
      expect(groups.Groups?.map((group) => group.GroupName)).toEqual(
        user.admin ? [config.adminGroup] : [],
      );
    }
  });

  it("has the portal's table", async () => {
    const table = await dynamo.send(new DescribeTableCommand({ TableName: config.tableName }));
    expect(table.Table?.TableStatus).toBe('ACTIVE');
  });
});

describe('restarting the local stack', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'portico-restart-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('reuses its state and duplicates nothing', async () => {
    const first = await startLocalStack({ ports: await freePorts(), stateDir });
    await first.close();
    const ports = await freePorts();
    const second = await startLocalStack({ ports, stateDir });
    try {
      expect(second.env.COGNITO_USER_POOL_ID).toBe(first.env.COGNITO_USER_POOL_ID);
      expect(second.env.COGNITO_CLIENT_ID).toBe(first.env.COGNITO_CLIENT_ID);
      const client = createUnbudgetedApiGatewayClient({
        region: 'us-east-1',
        endpoints: { apiGateway: `http://127.0.0.1:${ports.apiGateway}` },
      });
      const apis = await client.send(new GetRestApisCommand({}));
      const plans = await client.send(new GetUsagePlansCommand({}));
      expect(apis.items).toHaveLength(2);
      expect(plans.items).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});
