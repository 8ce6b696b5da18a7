import 'server-only';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { createApiGatewayClient, type GatewayClient } from '../gateway/client';
import { createCognitoClient, createDynamoDocumentClient, createSesClient } from './clients';

/**
 * The only place the portal gets AWS clients from. One instance per process, so connection
 * pools and the adaptive retry limiter are shared by every request.
 */
let apiGateway: GatewayClient | undefined;
let cognito: CognitoIdentityProviderClient | undefined;
let dynamo: DynamoDBDocumentClient | undefined;
let ses: SESv2Client | undefined;

export function apiGatewayClient(): GatewayClient {
  apiGateway ??= createApiGatewayClient(config());
  return apiGateway;
}

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= createCognitoClient(config());
  return cognito;
}

export function dynamoClient(): DynamoDBDocumentClient {
  dynamo ??= createDynamoDocumentClient(config());
  return dynamo;
}

export function sesClient(): SESv2Client {
  ses ??= createSesClient(config());
  return ses;
}
