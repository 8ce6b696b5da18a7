import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The commands Cognito clients send, by name, while `watch` runs: cognito-local keeps no call
 * statistics (the API Gateway emulator's `/_emulator/stats` does), so each client counts its
 * own through a middleware. The calls still go to the local stack unchanged.
 */
export async function cognitoCallsDuring(
  clients: CognitoIdentityProviderClient[],
  watch: () => Promise<unknown>,
): Promise<string[]> {
  const sent: string[] = [];
  const name = 'count-cognito-calls';
  for (const client of new Set(clients)) {
    client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? 'unknown');
        return next(args);
      },
      { step: 'initialize', name },
    );
  }
  try {
    await watch();
  } finally {
    for (const client of new Set(clients)) client.middlewareStack.remove(name);
  }
  return sent;
}
