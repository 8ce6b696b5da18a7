import 'server-only';
import { GetExportCommand } from '@aws-sdk/client-api-gateway';
import { apiGatewayClient } from '../aws';
import {
  prepareApiDocument,
  prepareGenericDocument,
  type ApiDocument,
  type GenericDocument,
} from './api-document';
import { gatewayCache, gatewayCacheTtlMs } from './cache';
import type { CatalogApi, CatalogEntry } from './catalog-model';
import { cachedGenericDocument } from './catalog-store';
import { clientOf } from './peers';
import { gatewayPeers } from './server-peers';

/**
 * The reader's OpenAPI document of one catalog API: one GetExport per stage and cache period.
 * Taken with `extensions=apigateway` so the authorizer's identity source tells where the key
 * goes; the extensions are removed before anything is shown. Asked of the stage's own gateway,
 * so the document's server is that Region's invoke URL.
 */
export function getApiDocument(api: CatalogApi): Promise<ApiDocument> {
  return gatewayCache.get(`export:${api.restApiId}:${api.stage}`, gatewayCacheTtlMs(), async () => {
    const client = clientOf({ apiGateway: apiGatewayClient(), peers: gatewayPeers() }, api.gateway);
    const exported = await client.send(
      new GetExportCommand({
        restApiId: api.restApiId,
        stageName: api.stage,
        exportType: 'oas30',
        parameters: { extensions: 'apigateway' },
        accepts: 'application/json',
      }),
    );
    const text = new TextDecoder().decode(exported.body);
    return prepareApiDocument(JSON.parse(text), api.apiKeySource);
  });
}

/** The document of either kind: an API Gateway export, or an uploaded spec from DynamoDB. */
export async function getDocsDocument(api: CatalogEntry): Promise<ApiDocument | GenericDocument> {
  if (api.kind === 'gateway') return getApiDocument(api);
  return prepareGenericDocument(await cachedGenericDocument(api.spec));
}
