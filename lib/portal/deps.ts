import type { GatewayClient } from '../gateway/client';
import type { PeerDeps } from '../gateway/peers';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountDeps } from './account-state';

/**
 * What the portal's use cases work with. The app builds it from the configuration
 * (`portalDeps()` in ./server-deps); integration tests build it from the local stack's clients —
 * the same real SDK clients either way.
 */
export interface PortalDeps extends PeerDeps {
  apiGateway: GatewayClient;
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
  /** How long a rotated-out key keeps working (default 24 h). */
  keyGraceMs: number;
}

/** What the use cases that can grant access need: they check the account in Cognito first. */
export type AccessDeps = PortalDeps & AccountDeps;

export const defaultKeyGraceMs = 24 * 60 * 60 * 1000;
