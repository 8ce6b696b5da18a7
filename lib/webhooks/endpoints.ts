import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { eventTypeSchema } from '../events/event-types';
import { newWebhookSecret } from './signing';

export interface EndpointDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

export const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(eventTypeSchema),
  state: z.enum(['active', 'paused']),
  createdAt: z.number(),
  /** The first failure since the last success; 24 h of failing pauses the endpoint. */
  failingSince: z.number().optional(),
  pausedAt: z.number().optional(),
  secret: z.string(),
  /** After a rotation the old secret also signs for a day, so receivers can switch over. */
  previousSecret: z.string().optional(),
  previousSecretUntil: z.number().optional(),
});

export type Endpoint = z.infer<typeof endpointSchema>;
/** What pages see: never the secret. */
export type EndpointSummary = Omit<Endpoint, 'secret' | 'previousSecret'>;

const partition = 'WEBHOOKS';
const key = (id: string) => ({ pk: partition, sk: `ENDPOINT#${id}` });
const secretOverlapMs = 24 * 60 * 60 * 1000;

export const summary = ({ secret: _s, previousSecret: _p, ...rest }: Endpoint): EndpointSummary =>
  rest;

export async function createEndpoint(
  deps: EndpointDeps,
  input: Pick<Endpoint, 'url' | 'description' | 'eventTypes'>,
): Promise<Endpoint> {
  const endpoint: Endpoint = {
    ...input,
    id: randomUUID(),
    state: 'active',
    createdAt: deps.now(),
    secret: newWebhookSecret(),
  };
  await deps.dynamo.send(
    new PutCommand({ TableName: deps.tableName, Item: { ...key(endpoint.id), ...endpoint } }),
  );
  return endpoint;
}

export async function listEndpoints(deps: EndpointDeps): Promise<Endpoint[]> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': 'ENDPOINT#' },
    }),
  );
  return z
    .array(endpointSchema)
    .parse(result.Items ?? [])
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** `consistent` for a decision that must see the latest pause or resume (a delivery's). */
export async function getEndpoint(
  deps: EndpointDeps,
  id: string,
  { consistent = false } = {},
): Promise<Endpoint | undefined> {
  const result = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: key(id), ConsistentRead: consistent }),
  );
  return result.Item ? endpointSchema.parse(result.Item) : undefined;
}

/** The secrets that sign right now: the current one, and the previous one during overlap. */
export function signingSecrets(endpoint: Endpoint, now: number): string[] {
  const previous =
    endpoint.previousSecret && (endpoint.previousSecretUntil ?? 0) > now
      ? [endpoint.previousSecret]
      : [];
  return [endpoint.secret, ...previous];
}

type EndpointChange = Partial<Omit<Endpoint, 'id' | 'createdAt'>>;

export async function updateEndpoint(
  deps: EndpointDeps,
  id: string,
  change: EndpointChange,
  remove: (keyof EndpointChange)[] = [],
): Promise<void> {
  const names = Object.keys(change) as (keyof EndpointChange)[];
  const set = names.map((name, index) => `#s${index} = :s${index}`);
  const removed = remove.map((_, index) => `#r${index}`);
  await deps.dynamo.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key(id),
      ConditionExpression: 'attribute_exists(pk)',
      UpdateExpression: [
        set.length ? `SET ${set.join(', ')}` : '',
        removed.length ? `REMOVE ${removed.join(', ')}` : '',
      ]
        .join(' ')
        .trim(),
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((name, index) => [`#s${index}`, name])),
        ...Object.fromEntries(remove.map((name, index) => [`#r${index}`, name])),
      },
      ExpressionAttributeValues: names.length
        ? Object.fromEntries(names.map((name, index) => [`:s${index}`, change[name]]))
        : undefined,
    }),
  );
}

/** A new secret, shown once; the old one keeps signing for a day. */
export async function rotateSecret(deps: EndpointDeps, endpoint: Endpoint): Promise<string> {
  const secret = newWebhookSecret();
  await updateEndpoint(deps, endpoint.id, {
    secret,
    previousSecret: endpoint.secret,
    previousSecretUntil: deps.now() + secretOverlapMs,
  });
  return secret;
}

/** Pending deliveries to a deleted endpoint find no endpoint and are dropped. */
export async function deleteEndpoint(deps: EndpointDeps, id: string): Promise<void> {
  await deps.dynamo.send(new DeleteCommand({ TableName: deps.tableName, Key: key(id) }));
}
