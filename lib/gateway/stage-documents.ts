import { GetExportCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { prepareApiDocument, type ApiDocument } from './api-document';
import type { GatewayClient } from './client';

/** The deployment each stage of one REST API serves, by stage name: one call for them all. */
export async function stageDeployments(
  client: GatewayClient,
  restApiId: string,
): Promise<Map<string, string>> {
  const { item } = await client.send(new GetStagesCommand({ restApiId }));
  return new Map(
    (item ?? []).flatMap(({ stageName, deploymentId }) =>
      stageName && deploymentId ? [[stageName, deploymentId] as const] : [],
    ),
  );
}

/**
 * The reader's OpenAPI document of one stage, from one GetExport. Taken with
 * `extensions=apigateway` so the authorizer's identity source tells where the key goes; the
 * extensions are removed before anything is shown. Asked of the stage's own gateway, so the
 * document's server is that Region's invoke URL.
 */
export async function fetchStageDocument(
  client: GatewayClient,
  { restApiId, stage, apiKeySource }: StageOfApi,
): Promise<ApiDocument> {
  const exported = await client.send(
    new GetExportCommand({
      restApiId,
      stageName: stage,
      exportType: 'oas30',
      parameters: { extensions: 'apigateway' },
      accepts: 'application/json',
    }),
  );
  return prepareApiDocument(JSON.parse(new TextDecoder().decode(exported.body)), apiKeySource);
}

export interface StageOfApi {
  restApiId: string;
  stage: string;
  apiKeySource: 'HEADER' | 'AUTHORIZER';
}
