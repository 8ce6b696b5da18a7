import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { gatewaySchema, gatewaysVariable } from './gateways';
import { localSessionSecret } from './local-secret';
import { awsVariables, localVariables, variableHints, type VariableName } from './variables';

export type Environment = Record<string, string | undefined>;

export const configSchema = z.object({
  mode: z.enum(['local', 'aws']),
  region: z.string(),
  adminGroup: z.string(),
  cacheTtlSeconds: z.number(),
  /** The client-side budget every API Gateway control-plane call passes (lib/gateway). */
  gatewayCallsPerSecond: z.number(),
  /** The API Gateways the catalog reads, home first (./gateways); at least the home Region. */
  gateways: z.array(gatewaySchema).min(1),
  cognito: z.object({
    userPoolId: z.string(),
    clientId: z.string(),
    clientSecret: z.string().optional(),
    /** The `iss` of the pool's tokens; its JWKS is at `${issuer}/.well-known/jwks.json`. */
    issuer: z.url(),
    /** AWS mode: also offer the pool's Hosted UI (OIDC) beside the email-and-password form. */
    hostedUi: z.boolean(),
  }),
  tableName: z.string(),
  /** Who may tell the portal a client's address (rate limits); see client-ip.ts. */
  trustedProxy: z.enum(['none', 'cloudfront', 'x-forwarded-for']),
  auth: z.object({ secret: z.string(), url: z.url() }),
  /** Local mode only: where each service listens. AWS mode uses the SDK's own endpoints. */
  endpoints: z
    .object({ apiGateway: z.url(), cognito: z.url(), dynamodb: z.url(), ses: z.url() })
    .optional(),
  /** How mail looks and who sends it. */
  mail: z.object({ from: z.string().optional(), portalName: z.string(), accentColor: z.string() }),
  /** Local mode lets webhooks reach http://localhost, for a receiver on the developer's machine. */
  webhooks: z.object({ allowLoopbackHttp: z.boolean() }),
  /** Local mode only: the web inbox where every mail the portal sends lands. */
  inboxUrl: z.url().optional(),
  /** Local mode only: the local stack's state directory (the codes it "emailed" among it). */
  localDir: z.string().optional(),
});

export type PorticoConfig = z.infer<typeof configSchema>;
export type TrustedProxy = PorticoConfig['trustedProxy'];

export class ConfigError extends Error {
  constructor(
    readonly mode: string,
    readonly problems: { variable: string; hint: string }[],
  ) {
    super(
      [
        `Portico cannot start: ${problems.length} environment variable(s) are missing or malformed (PORTICO_MODE=${mode}).`,
        ...problems.map(({ variable, hint }) => `  - ${variable}: expected ${hint}`),
        'See .env.example and the README section "Configuration".',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the whole configuration; every bad variable is reported at once. */
export function loadConfig(env: Environment = process.env): PorticoConfig {
  const mode = env.PORTICO_MODE?.trim() || 'local';
  if (mode !== 'local' && mode !== 'aws') {
    throw new ConfigError(mode, [{ variable: 'PORTICO_MODE', hint: variableHints.PORTICO_MODE }]);
  }
  return mode === 'aws' ? fromAws(env) : fromLocal(env);
}

function problemsOf(error: z.ZodError): ConfigError['problems'] {
  const variables = new Set(error.issues.map((issue) => String(issue.path[0])));
  return [...variables].map((variable) => ({
    variable,
    hint: variableHints[variable as VariableName] ?? 'a valid value',
  }));
}

/** PORTICO_GATEWAYS, checked against the home Region once the rest is known to be valid. */
function gatewaysOf(
  mode: 'local' | 'aws',
  raw: string | undefined,
  home: { region: string; endpoint?: string },
): PorticoConfig['gateways'] {
  const parsed = gatewaysVariable(home, mode).safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ConfigError(mode, [
    { variable: 'PORTICO_GATEWAYS', hint: variableHints.PORTICO_GATEWAYS },
  ]);
}

function fromAws(env: Environment): PorticoConfig {
  const parsed = awsVariables.safeParse(env);
  if (!parsed.success) throw new ConfigError('aws', problemsOf(parsed.error));
  const v = parsed.data;
  return {
    mode: 'aws',
    region: v.AWS_REGION,
    adminGroup: v.PORTICO_ADMIN_GROUP,
    cacheTtlSeconds: v.PORTICO_CACHE_TTL_SECONDS,
    gatewayCallsPerSecond: v.PORTICO_GATEWAY_RPS,
    gateways: gatewaysOf('aws', v.PORTICO_GATEWAYS, { region: v.AWS_REGION }),
    cognito: {
      userPoolId: v.COGNITO_USER_POOL_ID,
      clientId: v.COGNITO_CLIENT_ID,
      clientSecret: v.COGNITO_CLIENT_SECRET,
      issuer: `https://cognito-idp.${v.AWS_REGION}.amazonaws.com/${v.COGNITO_USER_POOL_ID}`,
      hostedUi: v.COGNITO_HOSTED_UI === 'true',
    },
    tableName: v.PORTICO_TABLE_NAME,
    trustedProxy: v.PORTICO_TRUSTED_PROXY,
    auth: { secret: v.NEXTAUTH_SECRET, url: v.NEXTAUTH_URL },
    mail: mailOf(v),
    webhooks: { allowLoopbackHttp: false },
  };
}

function mailOf(v: {
  PORTICO_MAIL_FROM?: string;
  PORTICO_PORTAL_NAME: string;
  PORTICO_ACCENT_COLOR: string;
}): PorticoConfig['mail'] {
  return {
    from: v.PORTICO_MAIL_FROM,
    portalName: v.PORTICO_PORTAL_NAME,
    accentColor: v.PORTICO_ACCENT_COLOR,
  };
}

function fromLocal(env: Environment): PorticoConfig {
  const parsed = localVariables.safeParse({ ...stackFile(env), ...definedOnly(env) });
  if (!parsed.success) {
    const error = new ConfigError('local', problemsOf(parsed.error));
    error.message +=
      '\nIn local mode these come from the local stack: start the portal with `npm run dev`.';
    throw error;
  }
  const v = parsed.data;
  const cognito = `http://127.0.0.1:${v.PORTICO_COGNITO_PORT}`;
  const apiGateway = `http://127.0.0.1:${v.PORTICO_APIGATEWAY_PORT}`;
  return {
    mode: 'local',
    region: v.AWS_REGION,
    adminGroup: v.PORTICO_ADMIN_GROUP,
    cacheTtlSeconds: v.PORTICO_CACHE_TTL_SECONDS,
    gatewayCallsPerSecond: v.PORTICO_GATEWAY_RPS,
    gateways: gatewaysOf('local', v.PORTICO_GATEWAYS, {
      region: v.AWS_REGION,
      endpoint: apiGateway,
    }),
    cognito: {
      userPoolId: v.COGNITO_USER_POOL_ID,
      clientId: v.COGNITO_CLIENT_ID,
      clientSecret: v.COGNITO_CLIENT_SECRET,
      issuer: `${cognito}/${v.COGNITO_USER_POOL_ID}`,
      // cognito-local has no Hosted UI.
      hostedUi: false,
    },
    tableName: v.PORTICO_TABLE_NAME,
    trustedProxy: v.PORTICO_TRUSTED_PROXY,
    auth: {
      secret: v.NEXTAUTH_SECRET ?? localSessionSecret(v.PORTICO_LOCAL_DIR),
      url: v.NEXTAUTH_URL,
    },
    endpoints: {
      apiGateway,
      cognito,
      dynamodb: `http://127.0.0.1:${v.PORTICO_DYNAMODB_PORT}`,
      ses: `http://127.0.0.1:${v.PORTICO_SES_PORT}`,
    },
    mail: mailOf(v),
    webhooks: { allowLoopbackHttp: true },
    inboxUrl: `http://127.0.0.1:${v.PORTICO_INBOX_PORT}`,
    localDir: v.PORTICO_LOCAL_DIR,
  };
}

/** Empty strings count as unset, so `FOO=` in a .env file falls back to the default. */
function definedOnly(env: Environment): Environment {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/**
 * The running local stack writes the ids it provisioned here, so `next dev`/`next start` work
 * beside `npm run local:stack` without copying ids by hand. Environment variables win.
 */
function stackFile(env: Environment): Environment {
  const file = join(env.PORTICO_LOCAL_DIR || '.local', 'stack.json');
  if (!existsSync(file)) return {};
  try {
    return z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return {};
  }
}
