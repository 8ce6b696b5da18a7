import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { resolveRuntimeSettings } from './runtime-settings';

/**
 * The server function's entry point, bundled next to OpenNext's `index.mjs` at synth time.
 * Top-level await finishes during the Lambda cold start, before the portal's code is even
 * loaded, so its configuration (validated once, at start-up) already sees the secret.
 */
const secrets = new SecretsManagerClient({});
const parameters = new SSMClient({});

Object.assign(
  process.env,
  await resolveRuntimeSettings(process.env, {
    async secret(arn) {
      const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: arn }));
      if (!SecretString) throw new Error(`Secret ${arn} has no string value`);
      return SecretString;
    },
    async parameter(name) {
      const { Parameter } = await parameters.send(new GetParameterCommand({ Name: name }));
      if (!Parameter?.Value) throw new Error(`Parameter ${name} has no value`);
      return Parameter.Value;
    },
  }),
);

// A non-literal specifier: OpenNext's handler exists only in the deployed bundle, so neither
// TypeScript nor esbuild should try to resolve it here.
const openNextEntry = './index.mjs';
const server: { handler: unknown } = await import(openNextEntry);

export const handler = server.handler;
