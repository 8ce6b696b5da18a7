import type { GatewayClient } from '../gateway/client';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * What the portal's use cases work with. The app builds it from the configuration
 * (`portalDeps()` in ./server-deps); integration tests build it from the local stack's clients —
 * the same real SDK clients either way.
 */
export interface PortalDeps {
  apiGateway: GatewayClient;
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
  /** How long a rotated-out key keeps working (default 24 h). */
  keyGraceMs: number;
}

export const defaultKeyGraceMs = 24 * 60 * 60 * 1000;
