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
import { seedApis, seedPlans, type SeedPlan } from '../seed/seed-data';

const seedDir = new URL('../seed/', import.meta.url);

interface ApiSeed {
  name: string;
  file: string;
  stage: string;
}

/**
 * Imports the demo APIs, deploys their stages and creates the plans, each only if missing: the
 * home Region's seed by default, or another emulator's (seed-data's `peerSeed`).
 */
export async function provisionApis(
  client: APIGatewayClient,
  seed: { apis: readonly ApiSeed[]; plans: readonly SeedPlan[] } = {
    apis: seedApis,
    plans: seedPlans,
  },
): Promise<void> {
  const existing = await client.send(new GetRestApisCommand({ limit: 500 }));
  const apiStages: { apiId: string; stage: string }[] = [];

  for (const api of seed.apis) {
    let apiId = existing.items?.find((each) => each.name === api.name)?.id;
    if (!apiId) {
      const body = await readFile(fileURLToPath(new URL(api.file, seedDir)));
      const imported = await client.send(new ImportRestApiCommand({ body, failOnWarnings: false }));
      apiId = imported.id;
    }
    if (!apiId) throw new Error(`The emulator did not return an id for the ${api.name} API.`);
    const stages = await client.send(new GetStagesCommand({ restApiId: apiId }));
    if (!stages.item?.some((stage) => stage.stageName === api.stage)) {
      await client.send(
        new CreateDeploymentCommand({
          restApiId: apiId,
          stageName: api.stage,
          description: 'Seed deployment',
        }),
      );
    }
    apiStages.push({ apiId, stage: api.stage });
  }

  const plans = await client.send(new GetUsagePlansCommand({ limit: 500 }));
  for (const plan of seed.plans) {
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
