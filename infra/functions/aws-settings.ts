import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { resolveRuntimeSettings } from './runtime-settings';

/**
 * Reads the values the stack passes by reference (./runtime-settings) from Secrets Manager and
 * Parameter Store into `process.env`, for the functions that load the portal's configuration:
 * the server and the outbox. A failure fails the cold start.
 */
export async function applyRuntimeSettings(): Promise<void> {
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
}
