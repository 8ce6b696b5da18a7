import type { GatewayDeps } from '../gateway/deps';
import { clientOf } from '../gateway/peers';
import { fetchStageDocument, stageDeployments } from '../gateway/stage-documents';
import type { GatewayRestApi } from '../gateway/types';
import { restApiRecords } from '../store/read-model-plans';
import {
  bumpSearchVersion,
  readSearchSummaries,
  writeSearchSummary,
  type StoredSummary,
} from '../store/search-summaries';
import { gatewayStageOf } from '../validation/catalog-settings';
import { stageSummarySource, summariseDocument } from './document-summary';

/**
 * Run by the read-model sync: a stage deployed again under the same API version (new or
 * removed operations) looks unchanged to the catalog, so its stored summary would keep the old
 * operations. For each REST API with summarised stages, one GetStages tells the deployment each
 * serves; a stage whose deployment differs from the one its summary was made from (or a summary
 * made before deployments were noted) is exported and summarised again, and every runtime's
 * index rebuilt. Page views never call API Gateway for this. A failure is logged and left for
 * the next sync; it never fails the sync itself.
 */
export async function refreshRedeployedStages(deps: GatewayDeps): Promise<void> {
  const [stored, apis] = await Promise.all([readSearchSummaries(deps), restApiRecords(deps)]);
  const summarised = new Map(
    apis.map((api) => [api.id, { api, stages: [] as SummarisedStage[] }] as const),
  );
  for (const [entry, summary] of stored) {
    const named = gatewayStageOf(entry);
    if (named) summarised.get(named.restApiId)?.stages.push({ entry, stage: named.stage, summary });
  }

  let refreshed = 0;
  for (const { api, stages } of summarised.values()) {
    if (stages.length === 0) continue;
    try {
      refreshed += await refreshStages(deps, api, stages);
    } catch (error) {
      console.error(`[search] could not check ${api.id}'s stages; the next sync retries`, error);
    }
  }
  if (refreshed > 0) await bumpSearchVersion(deps);
}

interface SummarisedStage {
  entry: string;
  stage: string;
  summary: StoredSummary;
}

async function refreshStages(
  deps: GatewayDeps,
  api: GatewayRestApi,
  stages: SummarisedStage[],
): Promise<number> {
  const client = clientOf(deps, api.gateway);
  const deployments = await stageDeployments(client, api.id);
  const apiKeySource = api.apiKeySource === 'AUTHORIZER' ? 'AUTHORIZER' : 'HEADER';
  let refreshed = 0;
  for (const { entry, stage, summary } of stages) {
    const deployment = deployments.get(stage);
    if (!deployment || deployment === summary.deployment) continue;
    const { spec } = await fetchStageDocument(client, { restApiId: api.id, stage, apiKeySource });
    await writeSearchSummary(
      deps,
      entry,
      stageSummarySource(api.id, stage, api.version),
      summariseDocument(spec),
      deployment,
    );
    refreshed += 1;
  }
  return refreshed;
}
