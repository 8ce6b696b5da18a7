/**
 * Values the server must not receive as plain environment variables (secrets), or cannot
 * (the public URL, known only after CloudFront exists). The stack passes where to read each
 * one instead; the server's entry reads them before the portal starts, so the portal itself
 * keeps one code path: its usual environment variables.
 */
export const fromSecretsManager = {
  NEXTAUTH_SECRET: 'NEXTAUTH_SECRET_ARN',
  COGNITO_CLIENT_SECRET: 'COGNITO_CLIENT_SECRET_ARN',
} as const;

export const fromParameterStore = {
  NEXTAUTH_URL: 'NEXTAUTH_URL_PARAMETER',
} as const;

export interface SettingSources {
  secret(arn: string): Promise<string>;
  parameter(name: string): Promise<string>;
}

/** The variables to add to `process.env`, read in parallel; a failure stops the cold start. */
export async function resolveRuntimeSettings(
  env: Record<string, string | undefined>,
  sources: SettingSources,
): Promise<Record<string, string>> {
  const lookups: [string, () => Promise<string>][] = [];
  for (const [name, from] of Object.entries(fromSecretsManager)) {
    const arn = env[from];
    if (arn) lookups.push([name, () => sources.secret(arn)]);
  }
  for (const [name, from] of Object.entries(fromParameterStore)) {
    const parameter = env[from];
    if (parameter) lookups.push([name, () => sources.parameter(parameter)]);
  }
  return Object.fromEntries(
    await Promise.all(lookups.map(async ([name, read]) => [name, await read()] as const)),
  );
}
