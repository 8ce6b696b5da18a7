import 'server-only';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { createApiGatewayClient, type GatewayClient } from '../gateway/client';
import { createCognitoClient, createDynamoDocumentClient } from './clients';

/**
 * The only place the portal gets AWS clients from. One instance per process, so connection
 * pools and the adaptive retry limiter are shared by every request.
 */
let apiGateway: GatewayClient | undefined;
let cognito: CognitoIdentityProviderClient | undefined;
let dynamo: DynamoDBDocumentClient | undefined;

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
