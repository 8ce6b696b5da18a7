import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PorticoConfig } from '../config/load';

/** What the factories need from the configuration: local mode only adds endpoints. */
export interface ClientSettings {
  region: string;
  endpoints?: Partial<NonNullable<PorticoConfig['endpoints']>>;
}

/** The local stand-ins accept any signature; real AWS uses the default credential chain. */
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Adaptive retries back off exponentially on throttling (429 TooManyRequestsException,
 * ThrottlingException) and also rate-limit the client itself once throttled; API Gateway's
 * clients also pass the portal's call budget (lib/gateway/client.ts).
 */
const retries = { maxAttempts: 5, retryMode: 'adaptive' } as const;

export function clientOptions(settings: ClientSettings, endpoint: string | undefined) {
  return {
    region: settings.region,
    ...retries,
    ...(endpoint ? { endpoint, credentials: localCredentials } : {}),
  };
}

export function createCognitoClient(settings: ClientSettings): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(clientOptions(settings, settings.endpoints?.cognito));
}

export function createDynamoDocumentClient(settings: ClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient(clientOptions(settings, settings.endpoints?.dynamodb));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function createSesClient(settings: ClientSettings): SESv2Client {
  return new SESv2Client(clientOptions(settings, settings.endpoints?.ses));
}
