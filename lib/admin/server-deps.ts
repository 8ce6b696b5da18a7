import 'server-only';
import { cognitoClient } from '../aws';
import { config } from '../config';
import { portalDeps } from '../portal/server-deps';
import type { AdminDeps } from './deps';

export function adminDeps(): AdminDeps {
  const { cognito, adminGroup } = config();
  return {
    ...portalDeps(),
    cognito: cognitoClient(),
    userPoolId: cognito.userPoolId,
    adminGroup,
  };
}
