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

/**
 * The reader's OpenAPI document of one catalog API: one GetExport per stage and cache period.
 * Taken with `extensions=apigateway` so the authorizer's identity source tells where the key
 * goes; the extensions are removed before anything is shown.
 */
export function getApiDocument(api: CatalogApi): Promise<ApiDocument> {
  return gatewayCache.get(`export:${api.restApiId}:${api.stage}`, gatewayCacheTtlMs(), async () => {
    const exported = await apiGatewayClient().send(
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
