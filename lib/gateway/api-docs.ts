import 'server-only';
import { apiGatewayClient } from '../aws';
import { prepareGenericDocument, type ApiDocument, type GenericDocument } from './api-document';
import { gatewayCache, gatewayCacheTtlMs } from './cache';
import type { CatalogApi, CatalogEntry } from './catalog-model';
import { cachedGenericDocument } from './catalog-store';
import { clientOf } from './peers';
import { gatewayPeers } from './server-peers';
import { fetchStageDocument } from './stage-documents';

/** The reader's OpenAPI document of one catalog API: one GetExport per stage and cache period. */
export function getApiDocument(api: CatalogApi): Promise<ApiDocument> {
  return gatewayCache.get(`export:${api.restApiId}:${api.stage}`, gatewayCacheTtlMs(), () =>
    fetchStageDocument(
      clientOf({ apiGateway: apiGatewayClient(), peers: gatewayPeers() }, api.gateway),
      api,
    ),
  );
}

/** The document of either kind: an API Gateway export, or an uploaded spec from DynamoDB. */
export async function getDocsDocument(api: CatalogEntry): Promise<ApiDocument | GenericDocument> {
  if (api.kind === 'gateway') return getApiDocument(api);
  return prepareGenericDocument(await cachedGenericDocument(api.spec));
}
