import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GatewayClient } from '../gateway/client';
import type { PeerDeps } from '../gateway/peers';
import type { UrlPolicy } from '../webhooks/url-policy';

/**
 * What the outbox worker needs: the table, Cognito (recipients), SES and how mail looks.
 * Built from the configuration by `eventDeps()` (./server-deps), by the local stack's
 * interval and by the integration tests — the same real SDK clients every time.
 */
export interface EventDeps extends PeerDeps {
  dynamo: DynamoDBDocumentClient;
  /** The local stack's usage snapshots read usage through lib/gateway, under the call budget. */
  apiGateway: GatewayClient;
  tableName: string;
  now: () => number;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  adminGroup: string;
  ses: SESv2Client;
  mail: { from?: string; portalName: string; accentColor: string; portalUrl: string };
  /** Signs unsubscribe links (the portal's NEXTAUTH_SECRET). */
  secret: string;
  webhookPolicy: UrlPolicy;
}
