import 'server-only';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import {
  catalogEntryKeySchema,
  catalogSettingsSchema,
  type CatalogEntryKey,
  type CatalogSettings,
} from '../validation/catalog-settings';
import { specHeaderSchema, type SpecHeader } from './spec-header';

export interface CatalogStoreDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/*
 * Storage: everything the catalog needs to be built sits in one partition, `CATALOG`: one
 * `SETTINGS#{entry}` item per entry an admin changed and one `SPEC#{id}` header per generic
 * spec. So the whole catalog metadata is one Query, cached per cache period. Generic specs'
 * bodies live in their own partitions (./generic-specs). A custom slug is also claimed by a
 * `CATALOG_SLUG#{slug}` item: a single-item conditional put decides which entry owns it (no
 * transactions: dynalite has none).
 */
export const catalogPk = 'CATALOG';
const settingsSk = (entry: CatalogEntryKey) => `SETTINGS#${entry}`;
const slugKey = (slug: string) => ({ pk: `CATALOG_SLUG#${slug}`, sk: 'CLAIM' });

export const storedSettingsSchema = catalogSettingsSchema.extend({
  entry: catalogEntryKeySchema,
  updatedAt: z.number(),
  updatedBy: z.string(),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** The admin-owned half of the catalog: what buildCatalog combines with API Gateway's lists. */
export interface CatalogStore {
  settings: StoredSettings[];
  specs: SpecHeader[];
}

export class SlugTakenError extends Error {
  constructor(slug: string) {
    super(`The slug "${slug}" is already used by another API. Choose another one.`);
    this.name = 'SlugTakenError';
  }
}

/** All catalog metadata: one Query (one page per MB), read consistently so admins see edits. */
export async function readCatalogStore(deps: CatalogStoreDeps): Promise<CatalogStore> {
  const store: CatalogStore = { settings: [], specs: [] };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': catalogPk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const sk = String(item.sk);
      if (sk.startsWith('SETTINGS#')) store.settings.push(storedSettingsSchema.parse(item));
      else if (sk.startsWith('SPEC#')) store.specs.push(specHeaderSchema.parse(item));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return store;
}

async function getSettings(
  deps: CatalogStoreDeps,
  entry: CatalogEntryKey,
): Promise<StoredSettings | undefined> {
  const { Item } = await deps.dynamo.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: { pk: catalogPk, sk: settingsSk(entry) },
      ConsistentRead: true,
    }),
  );
  return Item ? storedSettingsSchema.parse(Item) : undefined;
}

/** Takes `slug` for `entry`, or takes it over from a claim whose owner no longer uses it. */
async function claimSlug(deps: CatalogStoreDeps, slug: string, entry: CatalogEntryKey) {
  const put = (condition: string, values: Record<string, string>) =>
    deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...slugKey(slug), entry },
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      }),
    );
  try {
    await put('attribute_not_exists(pk) OR entry = :entry', { ':entry': entry });
    return;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const { Item } = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: slugKey(slug), ConsistentRead: true }),
  );
  const holder = catalogEntryKeySchema.safeParse(Item?.entry);
  // A claim left by a save that crashed before writing its settings (or by a deleted spec).
  if (holder.success && (await getSettings(deps, holder.data))?.slug !== slug) {
    try {
      await put('entry = :holder', { ':holder': holder.data });
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new SlugTakenError(slug);
}

export async function releaseSlug(deps: CatalogStoreDeps, slug: string, entry: CatalogEntryKey) {
  await deps.dynamo
    .send(
      new DeleteCommand({
        TableName: deps.tableName,
        Key: slugKey(slug),
        ConditionExpression: 'entry = :entry',
        ExpressionAttributeValues: { ':entry': entry },
      }),
    )
    .catch((error: unknown) => {
      // Someone else took the slug over already: it is theirs now.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}

/**
 * Replaces an entry's settings. A new custom slug is claimed first, so two entries can never
 * both save the same one; the old slug is released last.
 */
export async function saveCatalogSettings(
  deps: CatalogStoreDeps,
  entry: CatalogEntryKey,
  settings: CatalogSettings,
  by: string,
): Promise<StoredSettings> {
  const previous = await getSettings(deps, entry);
  if (settings.slug && settings.slug !== previous?.slug)
    await claimSlug(deps, settings.slug, entry);
  const stored = storedSettingsSchema.parse({
    ...settings,
    entry,
    updatedAt: deps.now(),
    updatedBy: by,
  });
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { pk: catalogPk, sk: settingsSk(entry), ...stored },
    }),
  );
  if (previous?.slug && previous.slug !== settings.slug)
    await releaseSlug(deps, previous.slug, entry);
  return stored;
}

/** Forgets an entry's settings and frees its slug (a deleted generic spec). */
export async function deleteCatalogSettings(deps: CatalogStoreDeps, entry: CatalogEntryKey) {
  const previous = await getSettings(deps, entry);
  await deps.dynamo.send(
    new DeleteCommand({ TableName: deps.tableName, Key: { pk: catalogPk, sk: settingsSk(entry) } }),
  );
  if (previous?.slug) await releaseSlug(deps, previous.slug, entry);
}
