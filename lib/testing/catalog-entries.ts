import type { CatalogApi, GenericCatalogApi } from '../gateway/catalog-model';

/** A published API Gateway catalog entry with no admin settings, for unit tests. */
export function gatewayEntry(fields: Partial<CatalogApi> & Pick<CatalogApi, 'name'>): CatalogApi {
  const restApiId = fields.restApiId ?? fields.name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const stage = fields.stage ?? 'prod';
  return {
    kind: 'gateway',
    entry: `gateway:${restApiId}:${stage}`,
    slug: fields.name.toLowerCase(),
    sourceName: fields.name,
    describedByAdmin: false,
    tags: [],
    sortOrder: 0,
    published: true,
    audience: { kind: 'public' },
    apiKeySource: 'HEADER',
    plans: [],
    restApiId,
    stage,
    ...fields,
  };
}

/** A published generic-spec catalog entry, for unit tests. */
export function genericEntry(
  fields: Partial<GenericCatalogApi> & Pick<GenericCatalogApi, 'name'>,
): GenericCatalogApi {
  const id = fields.spec?.id ?? '00000000-0000-4000-8000-000000000001';
  return {
    kind: 'generic',
    entry: `generic:${id}`,
    slug: fields.name.toLowerCase(),
    sourceName: fields.name,
    describedByAdmin: false,
    tags: [],
    sortOrder: 0,
    published: true,
    audience: { kind: 'public' },
    plans: [],
    spec: {
      id,
      title: fields.name,
      version: '1.0.0',
      revision: '00000000-0000-4000-8000-000000000002',
      chunkCount: 1,
      sha256: 'sha',
      jsonBytes: 10,
      storedBytes: 10,
      format: 'json',
      uploadedAt: 0,
      uploadedBy: 'admin@example.test',
    },
    ...fields,
  };
}
