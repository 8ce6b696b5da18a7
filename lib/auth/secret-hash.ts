import 'server-only';
import { createHmac } from 'node:crypto';

/**
 * Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username + client
 * id)). Every public API call of an app client that has a secret must carry it; the username is
 * the one sent in the same request (for REFRESH_TOKEN_AUTH, the user's `cognito:username`).
 */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

/** The `SecretHash` field to spread into a request: nothing when the client has no secret. */
export function secretHashField(
  username: string,
  client: { clientId: string; clientSecret?: string },
): { SecretHash?: string } {
  return client.clientSecret
    ? { SecretHash: secretHash(username, client.clientId, client.clientSecret) }
    : {};
}
