import { z } from 'zod';

/**
 * Every environment variable Portico reads, with the hint shown when it is missing or
 * malformed. The README and `.env.example` document the same list.
 */
export const variableHints = {
  PORTICO_MODE: '`local` (default: the embedded local stack) or `aws`',
  AWS_REGION: 'an AWS region such as us-east-1',
  COGNITO_USER_POOL_ID: 'the Cognito user pool id, like us-east-1_AbCdEf123',
  COGNITO_CLIENT_ID: "the user pool app client's id (letters and digits)",
  COGNITO_CLIENT_SECRET: "the app client's secret, only if the client has one",
  COGNITO_HOSTED_UI:
    "aws mode: true to also offer sign-in through the pool's Hosted UI (needs a pool domain and the callback URL <NEXTAUTH_URL>/api/auth/callback/cognito), or false (default)",
  PORTICO_ADMIN_GROUP: 'the Cognito group whose members are admins (default portal-admins)',
  PORTICO_TABLE_NAME: "the portal's DynamoDB table name, 3-255 of A-Z a-z 0-9 _ - .",
  NEXTAUTH_SECRET:
    'a random secret of at least 32 characters (openssl rand -base64 32); local mode makes one in PORTICO_LOCAL_DIR',
  NEXTAUTH_URL: "the portal's public URL, like https://developers.example.com",
  PORTICO_CACHE_TTL_SECONDS: 'seconds to cache API Gateway reads, a whole number (default 300)',
  PORTICO_GATEWAY_RPS:
    "the portal's own budget of API Gateway control-plane calls per second, above 0 and at most 100 (default 5)",
  PORTICO_GATEWAYS:
    'a JSON list of the API Gateways to read, home first: [{"region":"us-east-1"},{"region":"eu-west-1","roleArn":"arn:aws:iam::123456789012:role/portico-reader"}] (each: region, optional roleArn of another account, and in local mode an endpoint); the first must be AWS_REGION without a role (default: AWS_REGION alone)',
  PORTICO_APIGATEWAY_PORT: 'local mode: the API Gateway emulator port (default 4010)',
  PORTICO_COGNITO_PORT: 'local mode: the cognito-local port (default 9229)',
  PORTICO_DYNAMODB_PORT: 'local mode: the dynalite port (default 8000)',
  PORTICO_LOCAL_DIR: 'local mode: where the local stack keeps its state (default .local)',
  PORTICO_TRUSTED_PROXY:
    '`none` (default: the connection address), `cloudfront` (its CloudFront-Viewer-Address header) or `x-forwarded-for` (its right-most entry, appended by your proxy)',
  PORTICO_HOST:
    'the address `npm start` listens on (default 127.0.0.1 in local mode, every address in aws mode)',
  PORTICO_MAIL_FROM:
    'the sender of mail; in aws mode an SES verified identity such as "Developer portal <portal@example.com>" (no mail without it)',
  PORTICO_PORTAL_NAME: 'the name mail and pages show (default Portico)',
  PORTICO_ACCENT_COLOR: 'the accent colour of mail, like #4f46e5 (the default)',
  PORTICO_SES_PORT: 'local mode: the port of the local SES stand-in (default 4020)',
  PORTICO_INBOX_PORT: 'local mode: the port of the local mail inbox, MailDev (default 1080)',
} as const;

export type VariableName = keyof typeof variableHints;

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

export const sharedVariables = z.object({
  PORTICO_ADMIN_GROUP: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u)
    .default('portal-admins'),
  PORTICO_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  PORTICO_GATEWAY_RPS: z.coerce.number().positive().max(100).default(5),
  COGNITO_CLIENT_SECRET: optionalText,
  /** Checked against AWS_REGION after the rest (../config/gateways). */
  PORTICO_GATEWAYS: optionalText,
  PORTICO_TRUSTED_PROXY: z.enum(['none', 'cloudfront', 'x-forwarded-for']).default('none'),
  PORTICO_PORTAL_NAME: z.string().trim().min(1).max(60).default('Portico'),
  PORTICO_ACCENT_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#4f46e5'),
});

const mailbox = z
  .string()
  .trim()
  .regex(/^([^<>@\s]+( [^<>@\s]+)* )?<?[^<>@\s]+@[^<>@\s]+>?$/);

export const awsVariables = sharedVariables.extend({
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/),
  COGNITO_CLIENT_ID: z.string().regex(/^[\w+]+$/),
  PORTICO_TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/),
  NEXTAUTH_SECRET: z.string().min(32),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }),
  COGNITO_HOSTED_UI: z.enum(['true', 'false']).default('false'),
  // Optional so a deployment without SES keeps working: mail is then not sent (and logged).
  PORTICO_MAIL_FROM: mailbox.optional(),
});

/**
 * Local mode needs nothing from the operator: the local stack provisions the user pool and
 * client and hands their ids over (through the environment or `<PORTICO_LOCAL_DIR>/stack.json`).
 */
export const localVariables = sharedVariables.extend({
  AWS_REGION: z.string().default('us-east-1'),
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/),
  COGNITO_CLIENT_ID: z.string().regex(/^[\w+]+$/),
  PORTICO_TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/)
    .default('portico'),
  /** Unset: a random secret made on the first start, kept in PORTICO_LOCAL_DIR. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().default('http://localhost:3000'),
  PORTICO_APIGATEWAY_PORT: port.default(4010),
  PORTICO_COGNITO_PORT: port.default(9229),
  PORTICO_DYNAMODB_PORT: port.default(8000),
  PORTICO_LOCAL_DIR: z.string().default('.local'),
  PORTICO_MAIL_FROM: mailbox.default('Portico <portal@portico.local>'),
  PORTICO_SES_PORT: port.default(4020),
  PORTICO_INBOX_PORT: port.default(1080),
});
