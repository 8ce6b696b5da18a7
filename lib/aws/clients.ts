import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
 * ThrottlingException) and also rate-limit the client itself once throttled, which keeps the
 * portal under API Gateway's ~10 requests/s control-plane limit.
 */
const retries = { maxAttempts: 5, retryMode: 'adaptive' } as const;

function common(settings: ClientSettings, endpoint: string | undefined) {
  return {
    region: settings.region,
    ...retries,
    ...(endpoint ? { endpoint, credentials: localCredentials } : {}),
  };
}

export function createApiGatewayClient(settings: ClientSettings): APIGatewayClient {
  return new APIGatewayClient(common(settings, settings.endpoints?.apiGateway));
}

export function createCognitoClient(settings: ClientSettings): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(common(settings, settings.endpoints?.cognito));
}

export function createDynamoDocumentClient(settings: ClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient(common(settings, settings.endpoints?.dynamodb));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
