import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
  ImportRestApiCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { planMetadataToTags } from '../../lib/gateway/plan-tags';
import { seedApis, seedPlans } from '../seed/seed-data';

const seedDir = new URL('../seed/', import.meta.url);

/** Imports the demo APIs, deploys their stages and creates the plans, each only if missing. */
export async function provisionApis(client: APIGatewayClient): Promise<void> {
  const existing = await client.send(new GetRestApisCommand({ limit: 500 }));
  const apiStages: { apiId: string; stage: string }[] = [];

  for (const seed of seedApis) {
    let apiId = existing.items?.find((api) => api.name === seed.name)?.id;
    if (!apiId) {
      const body = await readFile(fileURLToPath(new URL(seed.file, seedDir)));
      const imported = await client.send(new ImportRestApiCommand({ body, failOnWarnings: false }));
      apiId = imported.id;
    }
    if (!apiId) throw new Error(`The emulator did not return an id for the ${seed.name} API.`);
    const stages = await client.send(new GetStagesCommand({ restApiId: apiId }));
    if (!stages.item?.some((stage) => stage.stageName === seed.stage)) {
      await client.send(
        new CreateDeploymentCommand({
          restApiId: apiId,
          stageName: seed.stage,
          description: 'Seed deployment',
        }),
      );
    }
    apiStages.push({ apiId, stage: seed.stage });
  }

  const plans = await client.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of seedPlans) {
    if (plans.items?.some((existingPlan) => existingPlan.name === plan.name)) continue;
    await client.send(
      new CreateUsagePlanCommand({
        name: plan.name,
        description: plan.description,
        apiStages,
        throttle: plan.throttle,
        quota: plan.quota,
        tags: planMetadataToTags(plan.metadata),
      }),
    );
  }
}
