import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

/**
 * A customer's request: `pending` → (`approving` →) `approved` | `rejected` | `cancelled`.
 * An admin's offer: `offered` → (`approving` →) `accepted` | `declined` (by the customer) |
 * `cancelled` (the account closed).
 */
export const requestStatusSchema = z.enum([
  'pending',
  'offered',
  'approving',
  'approved',
  'accepted',
  'rejected',
  'declined',
  'cancelled',
]);

export const upgradeRequestSchema = z.object({
  id: z.string(),
  customerSub: z.string(),
  customerEmail: z.string(),
  toPlanId: z.string(),
  toPlanName: z.string(),
  /** The plans the customer was in when asking, by name, for the admin's context. */
  currentPlans: z.string(),
  status: requestStatusSchema,
  createdAt: z.number(),
  decidedAt: z.number().optional(),
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
  /** Set on an admin's offer: who offered it (their email). */
  offeredBy: z.string().optional(),
});

export type UpgradeRequest = z.infer<typeof upgradeRequestSchema>;

interface RequestDeps {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
}

/*
 * Storage: a customer's open request is one item, `CUSTOMER#{sub}` / `OPEN`, so "one pending
 * request per customer" and "exactly one decision wins" are single-item conditional writes
 * (no transactions: they work the same on DynamoDB and on dynalite, which lacks them). A
 * decided request is copied to `REQUEST#{id}` for the history, then the open item is deleted;
 * a decided open item left behind by a crash is simply overwritten by the next request.
 */
const customerPk = (sub: string) => `CUSTOMER#${sub}`;
const openKey = (sub: string) => ({ pk: customerPk(sub), sk: 'OPEN' });
const historyKey = (sub: string, id: string) => ({ pk: customerPk(sub), sk: `REQUEST#${id}` });
const openIndex = 'REQUESTS#open';
/** Offers wait for the customer, not in the admins' queue. */
const offeredIndex = 'REQUESTS#offered';
const closedIndex = 'REQUESTS#closed';
const decided: string[] = ['approved', 'accepted', 'rejected', 'declined', 'cancelled'];
type Decided = 'approved' | 'accepted' | 'rejected' | 'declined' | 'cancelled';

export class RequestConflictError extends Error {}

const alreadyDecided = () =>
  new RequestConflictError('This request has already been decided or cancelled.');

/** Stores a pending request; a second open request of the same customer is refused. */
export async function createRequest(
  deps: RequestDeps,
  request: Omit<UpgradeRequest, 'id' | 'status' | 'createdAt'>,
): Promise<UpgradeRequest> {
  return putOpen(
    deps,
    { ...request, status: 'pending' },
    openIndex,
    'You already have an open upgrade request or offer: cancel or decide it on your dashboard first.',
  );
}

/**
 * Stores an admin's offer in the customer's one open slot: refused while the customer has a
 * request or offer open, so the two never race for the same key.
 */
export async function createOffer(
  deps: RequestDeps,
  offer: Omit<UpgradeRequest, 'id' | 'status' | 'createdAt' | 'offeredBy'> & { offeredBy: string },
): Promise<UpgradeRequest> {
  return putOpen(
    deps,
    { ...offer, status: 'offered' },
    offeredIndex,
    `${offer.customerEmail} already has an open request or offer: it has to be decided first.`,
  );
}

async function putOpen(
  deps: RequestDeps,
  request: Omit<UpgradeRequest, 'id' | 'createdAt'>,
  index: string,
  conflict: string,
): Promise<UpgradeRequest> {
  const stored: UpgradeRequest = { ...request, id: randomUUID(), createdAt: deps.now() };
  try {
    await deps.dynamo.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: {
          ...openKey(request.customerSub),
          gsi1pk: index,
          gsi1sk: `${new Date(stored.createdAt).toISOString()}#${stored.id}`,
          ...stored,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #status IN (:d0, :d1, :d2, :d3, :d4)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: Object.fromEntries(
          decided.map((status, position) => [`:d${position}`, status]),
        ),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new RequestConflictError(conflict);
    throw error;
  }
  return stored;
}

/** One of the customer's requests by id; another customer's id finds nothing. */
export async function getRequest(
  deps: RequestDeps,
  customerSub: string,
  id: string,
): Promise<UpgradeRequest | undefined> {
  const open = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: openKey(customerSub), ConsistentRead: true }),
  );
  if (open.Item?.id === id) return upgradeRequestSchema.parse(open.Item);
  const closed = await deps.dynamo.send(
    new GetCommand({ TableName: deps.tableName, Key: historyKey(customerSub, id) }),
  );
  return closed.Item ? upgradeRequestSchema.parse(closed.Item) : undefined;
}

/** A customer's requests, open and decided, newest first. */
export async function customerRequests(
  deps: RequestDeps,
  customerSub: string,
): Promise<UpgradeRequest[]> {
  const [history, open] = await Promise.all([
    deps.dynamo.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :history)',
        ExpressionAttributeValues: { ':pk': customerPk(customerSub), ':history': 'REQUEST#' },
      }),
    ),
    deps.dynamo.send(
      new GetCommand({
        TableName: deps.tableName,
        Key: openKey(customerSub),
        ConsistentRead: true,
      }),
    ),
  ]);
  const items = [...(history.Items ?? []), ...(open.Item ? [open.Item] : [])];
  const byId = new Map<string, UpgradeRequest>();
  for (const item of z.array(upgradeRequestSchema).parse(items)) {
    // A decided request briefly exists both as history and as the open item: keep one.
    if (!byId.has(item.id) || decided.includes(item.status)) byId.set(item.id, item);
  }
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
}

/** Requests waiting for an admin (pending or being approved), oldest first. */
export async function openRequests(deps: RequestDeps): Promise<UpgradeRequest[]> {
  const result = await deps.dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :open',
      ExpressionAttributeValues: { ':open': openIndex },
    }),
  );
  return z.array(upgradeRequestSchema).parse(result.Items ?? []);
}

/** Changes the open request's status only if it still has `from`: the race's one winner. */
async function transition(
  deps: RequestDeps,
  request: UpgradeRequest,
  from: UpgradeRequest['status'],
  set: Record<string, string | number>,
  remove: string[] = [],
): Promise<UpgradeRequest> {
  const names = Object.keys(set);
  try {
    const result = await deps.dynamo.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: openKey(request.customerSub),
        UpdateExpression:
          `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}` +
          (remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''),
        ConditionExpression: 'id = :id AND #status = :from',
        ExpressionAttributeNames: {
          '#status': 'status',
          ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
        },
        ExpressionAttributeValues: {
          ':id': request.id,
          ':from': from,
          ...Object.fromEntries(names.map((name) => [`:${name}`, set[name]])),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return upgradeRequestSchema.parse(result.Attributes);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw alreadyDecided();
    throw error;
  }
}

/**
 * Marks a pending request (or an offer the customer accepts) as being approved by `by`.
 * Exactly one caller wins: the second admin (or a customer cancelling at the same moment)
 * gets a RequestConflictError.
 */
export async function claimForApproval(
  deps: RequestDeps,
  request: UpgradeRequest,
  by: string,
  from: 'pending' | 'offered' = 'pending',
): Promise<void> {
  await transition(deps, request, from, { status: 'approving', decidedBy: by });
}

/** Gives a claimed request back as it was (the approval's plan change failed). */
export async function releaseClaim(
  deps: RequestDeps,
  request: UpgradeRequest,
  to: 'pending' | 'offered' = 'pending',
): Promise<void> {
  await transition(deps, request, 'approving', { status: to }, ['decidedBy']);
}

/** Closes a request or offer with its outcome and frees the customer's open slot. */
export async function closeRequest(
  deps: RequestDeps,
  request: UpgradeRequest,
  outcome: { status: Decided; by: string; reason?: string },
  expectedStatus: 'pending' | 'offered' | 'approving',
): Promise<void> {
  const closed = await transition(deps, request, expectedStatus, {
    status: outcome.status,
    decidedAt: deps.now(),
    decidedBy: outcome.by,
    gsi1pk: closedIndex,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  });
  await deps.dynamo.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...historyKey(request.customerSub, request.id), ...closed },
    }),
  );
  await deps.dynamo
    .send(
      new DeleteCommand({
        TableName: deps.tableName,
        Key: openKey(request.customerSub),
        ConditionExpression: 'id = :id',
        ExpressionAttributeValues: { ':id': request.id },
      }),
    )
    .catch((error: unknown) => {
      // A new request already replaced the decided one: nothing left to clean up.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}
