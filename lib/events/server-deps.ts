import 'server-only';
import { apiGatewayClient, cognitoClient, dynamoClient, sesClient } from '../aws';
import { config } from '../config';
import type { EventDeps } from './deps';

export function eventDeps(): EventDeps {
  const settings = config();
  return {
    dynamo: dynamoClient(),
    apiGateway: apiGatewayClient(),
    tableName: settings.tableName,
    now: Date.now,
    cognito: cognitoClient(),
    userPoolId: settings.cognito.userPoolId,
    adminGroup: settings.adminGroup,
    ses: sesClient(),
    mail: { ...settings.mail, portalUrl: settings.auth.url },
    secret: settings.auth.secret,
    webhookPolicy: settings.webhooks,
  };
}
