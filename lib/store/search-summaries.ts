import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documentSummarySchema, type DocumentSummary } from '../search/document-summary';
import type { CatalogStoreDeps } from './catalog-settings';
import { IncompleteDocumentError, packDocument, unpackDocument } from './spec-chunks';

/*
 * Storage: search's summary of each catalog entry's document sits in one partition, `SEARCH`,
 * so building the index is one Query. A summary is gzip-compressed JSON cut into chunks like a
 * generic spec (./spec-chunks), `DOC#{entry}#{revision}#{n}`, each chunk carrying the header.
 * A write puts the new revision's chunks first and then deletes the older revisions, so a
 * reader always finds one complete revision (the older one while the new one is written).
 * Not server-only: the scheduled sync, bundled outside Next, refreshes the summaries of
 * redeployed stages (lib/search/redeployed-stages).
 */
const searchPk = 'SEARCH';
const versionKey = { pk: 'SEARCH_VERSION', sk: 'CURRENT' };

/**
 * Changes with each publication. Every server instance, and each of Next.js's server
 * runtimes (route handlers do not share module state with pages and actions), reads it before
 * answering a query and rebuilds its index when it moved, so a change is found at once.
 */
export async function readSearchVersion(deps: CatalogStoreDeps): Promise<string> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: versionKey, ConsistentRead: true }),
  );
  return typeof Item?.version === 'string' ? Item.version : 'none';
}

export async function bumpSearchVersion(deps: CatalogStoreDeps): Promise<void> {
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...versionKey, version: randomUUID(), at: deps.now() },
    }),
  );
}
const entryPrefix = (entry: string) => `DOC#${entry}#`;

const chunkSchema = z.object({
  entry: z.string(),
  revision: z.string(),
  /** What the summary was made from: a spec revision, or an API Gateway stage and version. */
  source: z.string(),
  /** The stage's deployment the summary was made from, when the sync read it. */
  deployment: z.string().optional(),
  builtAt: z.number(),
  count: z.number().int().positive(),
  index: z.number().int().nonnegative(),
  sha256: z.string(),
  data: z.instanceof(Uint8Array),
});

export interface StoredSummary {
  source: string;
  deployment?: string;
  builtAt: number;
  summary: DocumentSummary;
}

export async function writeSearchSummary(
  deps: CatalogStoreDeps,
  entry: string,
  source: string,
  summary: DocumentSummary,
  deployment?: string,
): Promise<void> {
  const packed = packDocument(summary);
  const revision = randomUUID();
  const header = {
    entry,
    revision,
    source,
    ...(deployment ? { deployment } : {}),
    builtAt: deps.now(),
    count: packed.chunks.length,
    sha256: packed.sha256,
  };
  await Promise.all(
    packed.chunks.map((data, index) =>
      deps.dynamo.send(
        new PutCommand({
          TableName: deps.tableName,
          Item: {
            pk: searchPk,
            sk: `${entryPrefix(entry)}${revision}#${pad(index)}`,
            ...header,
            index,
            data,
          },
        }),
      ),
    ),
  );
  // Only older revisions go: of two writers racing, the later one's summary stays.
  const older = (chunk: { builtAt: number; revision: string }) =>
    chunk.builtAt < header.builtAt ||
    (chunk.builtAt === header.builtAt && chunk.revision < revision);
  await deleteChunks(deps, entry, older);
}

/** Removes every summary of an entry. */
export function deleteSearchSummary(deps: CatalogStoreDeps, entry: string): Promise<void> {
  return deleteChunks(deps, entry, () => true);
}

async function deleteChunks(
  deps: CatalogStoreDeps,
  entry: string,
  which: (chunk: { builtAt: number; revision: string }) => boolean,
) {
  const chunks = await queryChunkKeys(deps, entryPrefix(entry));
  await Promise.all(
    chunks
      .filter(which)
      .map(({ pk, sk }) =>
        deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: { pk, sk } })),
      ),
  );
}

/** Every entry's newest complete summary, by entry key. */
export async function readSearchSummaries(
  deps: CatalogStoreDeps,
): Promise<Map<string, StoredSummary>> {
  const revisions = new Map<string, z.infer<typeof chunkSchema>[]>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': searchPk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const chunk = chunkSchema.parse(item);
      const key = `${chunk.entry}#${chunk.revision}`;
      revisions.set(key, [...(revisions.get(key) ?? []), chunk]);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);

  const summaries = new Map<string, StoredSummary>();
  // The same order in which writers delete each other's revisions (writeSearchSummary).
  const newestFirst = [...revisions.values()].sort(
    (a, b) => b[0]!.builtAt - a[0]!.builtAt || (b[0]!.revision > a[0]!.revision ? 1 : -1),
  );
  for (const chunks of newestFirst) {
    const { entry, source, deployment, builtAt } = chunks[0]!;
    if (summaries.has(entry)) continue;
    const summary = unpack(chunks.sort((a, b) => a.index - b.index));
    if (summary) summaries.set(entry, { source, deployment, builtAt, summary });
  }
  return summaries;
}

/** A revision still being written (or half deleted) is no summary: the other one serves. */
function unpack(chunks: z.infer<typeof chunkSchema>[]): DocumentSummary | undefined {
  try {
    return documentSummarySchema.parse(
      unpackDocument(
        chunks.map((chunk) => chunk.data),
        { sha256: chunks[0]!.sha256, count: chunks[0]!.count },
      ),
    );
  } catch (error) {
    if (error instanceof IncompleteDocumentError) return undefined;
    throw error;
  }
}

async function queryChunkKeys(deps: CatalogStoreDeps, prefix: string) {
  const keys: { pk: string; sk: string; builtAt: number; revision: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': searchPk, ':prefix': prefix },
        ProjectionExpression: 'pk, sk, builtAt, revision',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? [])
      keys.push({
        pk: String(item.pk),
        sk: String(item.sk),
        builtAt: Number(item.builtAt),
        revision: String(item.revision),
      });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return keys;
}

const pad = (index: number) => String(index).padStart(4, '0');
