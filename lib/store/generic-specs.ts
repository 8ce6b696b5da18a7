import 'server-only';
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { genericEntryKey } from '../validation/catalog-settings';
import type { OpenApiDocument } from '../validation/openapi-upload';
import { catalogPk, deleteCatalogSettings, type CatalogStoreDeps } from './catalog-settings';
import { IncompleteDocumentError, packDocument, unpackDocument } from './spec-chunks';
import { headerDescriptionLength, specHeaderSchema, type SpecHeader } from './spec-header';

/*
 * Storage: a spec's document is gzip-compressed JSON cut into chunks, `SPEC#{id}` /
 * `REV#{revision}#{n}`, each well under DynamoDB's 400 KB item limit. An upload writes a new
 * revision's chunks first and its header (`CATALOG` / `SPEC#{id}`) last, with a condition on
 * the revision it replaces; only then are the old chunks deleted. A reader therefore never sees
 * a header whose chunks are missing, except one it cached before a replace, which it re-reads.
 */
const headerKey = (id: string) => ({ pk: catalogPk, sk: `SPEC#${id}` });
const chunkPk = (id: string) => `SPEC#${id}`;
const revisionPrefix = (revision: string) => `REV#${revision}#`;

export class SpecConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecConflictError';
  }
}

interface Upload {
  document: OpenApiDocument;
  format: 'json' | 'yaml';
  by: string;
}

/** Stores a new generic spec; returns its header. */
export function createGenericSpec(deps: CatalogStoreDeps, upload: Upload): Promise<SpecHeader> {
  return writeSpec(deps, randomUUID(), undefined, upload);
}

/** Replaces a spec's document, if nobody replaced or deleted it since `expectedRevision`. */
export function replaceGenericSpec(
  deps: CatalogStoreDeps,
  id: string,
  expectedRevision: string,
  upload: Upload,
): Promise<SpecHeader> {
  return writeSpec(deps, id, expectedRevision, upload);
}

async function writeSpec(
  deps: CatalogStoreDeps,
  id: string,
  expectedRevision: string | undefined,
  { document, format, by }: Upload,
): Promise<SpecHeader> {
  const packed = packDocument(document);
  const revision = randomUUID();
  await Promise.all(
    packed.chunks.map((data, index) =>
      deps.dynamo.send(
        new PutCommand({
          TableName: deps.tableName,
          Item: { pk: chunkPk(id), sk: `${revisionPrefix(revision)}${pad(index)}`, data },
        }),
      ),
    ),
  );
  const header = specHeaderSchema.parse({
    id,
    title: document.info.title,
    version: document.info.version,
    description: document.info.description?.slice(0, headerDescriptionLength) || undefined,
    revision,
    chunkCount: packed.chunks.length,
    sha256: packed.sha256,
    jsonBytes: packed.jsonBytes,
    storedBytes: packed.storedBytes,
    format,
    uploadedAt: deps.now(),
    uploadedBy: by,
  });
  try {
    await deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...headerKey(id), ...header },
        ...(expectedRevision
          ? {
              ConditionExpression: 'revision = :expected',
              ExpressionAttributeValues: { ':expected': expectedRevision },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      }),
    );
  } catch (error) {
    await deleteChunks(deps, id, revision);
    if (error instanceof ConditionalCheckFailedException)
      throw new SpecConflictError(
        'This spec was replaced or deleted by someone else meanwhile. Reload the page and try again.',
      );
    throw error;
  }
  if (expectedRevision) await deleteChunks(deps, id, expectedRevision);
  return header;
}

/** A spec's header, read consistently (the catalog's cached copy may be older). */
export async function getSpecHeader(
  deps: CatalogStoreDeps,
  id: string,
): Promise<SpecHeader | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: headerKey(id), ConsistentRead: true }),
  );
  return Item ? specHeaderSchema.parse(Item) : undefined;
}

/**
 * The document a header describes. A header cached before a replace names chunks that are
 * gone: then the current header is read and its revision used instead.
 */
export async function readGenericSpecDocument(
  deps: CatalogStoreDeps,
  header: SpecHeader,
): Promise<unknown> {
  try {
    return unpackDocument(await readChunks(deps, header.id, header.revision), {
      sha256: header.sha256,
      count: header.chunkCount,
    });
  } catch (error) {
    if (!(error instanceof IncompleteDocumentError)) throw error;
    const current = await getSpecHeader(deps, header.id);
    if (!current || current.revision === header.revision) throw error;
    return unpackDocument(await readChunks(deps, current.id, current.revision), {
      sha256: current.sha256,
      count: current.chunkCount,
    });
  }
}

/** Removes the header first (readers stop finding the spec), then its body and settings. */
export async function deleteGenericSpec(deps: CatalogStoreDeps, id: string): Promise<void> {
  try {
    await deps.dynamo.send(
      new DeleteCommand({
        TableName: deps.tableName,
        Key: headerKey(id),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new SpecConflictError('This spec was already deleted.');
    throw error;
  }
  await deleteChunks(deps, id);
  await deleteCatalogSettings(deps, genericEntryKey(id));
}

async function readChunks(deps: CatalogStoreDeps, id: string, revision: string) {
  const chunks: Uint8Array[] = [];
  for await (const item of chunkItems(deps, id, revision, false))
    chunks.push(item.data as Uint8Array);
  return chunks;
}

/** A revision's chunks (all revisions without one), in order, page by page. */
async function* chunkItems(
  deps: CatalogStoreDeps,
  id: string,
  revision: string | undefined,
  keysOnly: boolean,
) {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': chunkPk(id),
          ':prefix': revision ? revisionPrefix(revision) : 'REV#',
        },
        ConsistentRead: true,
        ...(keysOnly ? { ProjectionExpression: 'pk, sk' } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

async function deleteChunks(deps: CatalogStoreDeps, id: string, revision?: string) {
  const keys: { pk: string; sk: string }[] = [];
  for await (const item of chunkItems(deps, id, revision, true))
    keys.push({ pk: String(item.pk), sk: String(item.sk) });
  await Promise.all(
    keys.map((Key) => deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key }))),
  );
}

const pad = (index: number) => String(index).padStart(4, '0');
