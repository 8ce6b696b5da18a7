import { awsVariables } from '../../lib/config/variables';
import { otherGateways } from '../../lib/config/gateways';

/**
 * What an operator can choose at deploy time, from CDK context (`cdk.json`, `-c key=value`
 * or `npm run deploy -- -c key=value`). Everything is optional: the defaults create a new
 * user pool and serve the portal on the CloudFront domain.
 */
export interface PorticoSettings {
  stackName: string;
  /** An existing user pool to use instead of creating one. */
  userPoolId?: string;
  /** Its existing app client; without it the stack adds a client to the pool. */
  userPoolClientId?: string;
  /** Secrets Manager ARN of that client's secret, if it has one. */
  userPoolClientSecretArn?: string;
  adminGroup: string;
  /** A custom domain, with an ACM certificate for it in us-east-1 (CloudFront's region). */
  domainName?: string;
  certificateArn?: string;
  /** Usage plans whose keys the portal may change; empty means every plan in the region. */
  usagePlanIds: string[];
  /** REST APIs whose documentation the portal may export; empty means every API. */
  restApiIds: string[];
  /**
   * API Gateways besides the stack's own Region (README "Several Regions and accounts"): other
   * Regions of this account, or other accounts through a role each. Sets PORTICO_GATEWAYS.
   */
  gateways: { region: string; roleArn?: string }[];
  /** EventBridge schedule expressions: housekeeping (key sweep, repairs), the read-model sync,
   * and the quota sweep with its usage snapshots. The outbox runs every minute. */
  housekeepingSchedule: string;
  syncSchedule: string;
  quotaSweepSchedule: string;
  /**
   * An SES identity verified in the stack's region (a domain or an address): the outbox may
   * send mail from it and nothing else. Without it no mail is sent.
   */
  mailIdentity?: string;
  /** The sender (PORTICO_MAIL_FROM), in `mailIdentity`; defaults to the identity's address. */
  mailFrom?: string;
  /**
   * Run the server function in a VPC with an `execute-api` interface endpoint, so the in-page
   * console can call PRIVATE APIs. `vpcId` names an existing VPC (private subnets with a
   * route to the internet); without it the stack creates one with a NAT gateway.
   */
  privateApis: boolean;
  vpcId?: string;
  /** Requests per 5 minutes per client address on sign-in and sign-up; set, it adds a WAF. */
  signInRateLimit?: number;
  /** Who the CloudWatch alarms e-mail (an SNS subscription to confirm); none if unset. */
  alarmEmail?: string;
  /** Keep the table and the user pool when the stack is deleted (the default). */
  retainData: boolean;
  /** Tags put on every resource, besides `portico:stack`. */
  tags: Record<string, string>;
}

export type ContextReader = (key: string) => unknown;

export class SettingsError extends Error {
  constructor(problems: string[]) {
    super(`Portico deploy settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** Lists come as JSON arrays from cdk.json or comma-separated from `-c`. */
const list = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value.map(String) : (text(value)?.split(',') ?? []);
  return items.map((item) => item.trim()).filter(Boolean);
};

/** Booleans come as true/false from cdk.json or as "true"/"false" from `-c`. */
const flag = (value: unknown, fallback: boolean): boolean | undefined => {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
};

/** Numbers come as numbers from cdk.json or as text from `-c`; NaN is reported below. */
const wholeNumber = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : text(value) === undefined ? undefined : Number(text(value));

/** Tags come as an object from cdk.json or as `key=value,key=value` from `-c`. */
const tagMap = (value: unknown): Record<string, string> | undefined => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  }
  const pairs = list(value).map((pair) => pair.split('='));
  if (pairs.some((pair) => pair.length !== 2 || !pair[0])) return undefined;
  return Object.fromEntries(pairs.map(([k, v]) => [k!.trim(), v!.trim()]));
};

const idPattern = /^[a-z0-9]{1,32}$/;

/** Gateways come as a JSON array from cdk.json or as JSON text from `-c`; undefined if neither. */
const gatewayList = (value: unknown) => {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') return otherGateways(value);
  try {
    return otherGateways(JSON.parse(value));
  } catch {
    return undefined;
  }
};

export function readSettings(context: ContextReader): PorticoSettings {
  const settings: PorticoSettings = {
    stackName: text(context('stackName')) ?? 'Portico',
    userPoolId: text(context('userPoolId')),
    userPoolClientId: text(context('userPoolClientId')),
    userPoolClientSecretArn: text(context('userPoolClientSecretArn')),
    adminGroup: text(context('adminGroup')) ?? 'portal-admins',
    domainName: text(context('domainName')),
    certificateArn: text(context('certificateArn')),
    usagePlanIds: list(context('usagePlanIds')),
    restApiIds: list(context('restApiIds')),
    gateways: gatewayList(context('gateways')) ?? [],
    housekeepingSchedule: text(context('housekeepingSchedule')) ?? 'rate(1 hour)',
    syncSchedule: text(context('syncSchedule')) ?? 'rate(15 minutes)',
    quotaSweepSchedule: text(context('quotaSweepSchedule')) ?? 'rate(5 minutes)',
    mailIdentity: text(context('mailIdentity'))?.toLowerCase(),
    mailFrom: text(context('mailFrom')),
    privateApis: flag(context('privateApis'), false) ?? false,
    vpcId: text(context('vpcId')),
    signInRateLimit: wholeNumber(context('signInRateLimit')),
    alarmEmail: text(context('alarmEmail')),
    retainData: flag(context('retainData'), true) ?? true,
    tags: tagMap(context('tags')) ?? {},
  };
  const problems = [
    settings.userPoolClientId && !settings.userPoolId && 'userPoolClientId needs userPoolId',
    settings.userPoolClientSecretArn &&
      !settings.userPoolClientId &&
      'userPoolClientSecretArn needs userPoolClientId',
    settings.userPoolId &&
      !/^[\w-]+_[0-9a-zA-Z]+$/.test(settings.userPoolId) &&
      'userPoolId looks like us-east-1_AbCdEf123',
    Boolean(settings.domainName) !== Boolean(settings.certificateArn) &&
      'domainName and certificateArn go together',
    settings.certificateArn &&
      !settings.certificateArn.startsWith('arn:aws:acm:us-east-1:') &&
      'certificateArn must be an ACM certificate in us-east-1, where CloudFront reads them',
    ...[...settings.usagePlanIds, ...settings.restApiIds]
      .filter((id) => !idPattern.test(id))
      .map((id) => `"${id}" is not an API Gateway id (lower-case letters and digits)`),
    ...(['housekeepingSchedule', 'syncSchedule', 'quotaSweepSchedule'] as const)
      .filter((key) => !/^(rate|cron)\(.+\)$/.test(settings[key]))
      .map((key) => `${key} is an EventBridge expression such as rate(15 minutes)`),
    ...mailProblems(settings),
    flag(context('privateApis'), false) === undefined && 'privateApis is true or false',
    flag(context('retainData'), true) === undefined && 'retainData is true or false',
    settings.vpcId && !settings.privateApis && 'vpcId needs privateApis=true',
    settings.vpcId &&
      !/^vpc-[0-9a-f]{8,17}$/.test(settings.vpcId) &&
      'vpcId looks like vpc-0abc1234',
    settings.signInRateLimit !== undefined &&
      !(Number.isInteger(settings.signInRateLimit) && settings.signInRateLimit >= 10) &&
      'signInRateLimit is a whole number of requests per 5 minutes, at least 10 (WAF minimum)',
    settings.alarmEmail &&
      !/^[^@\s]+@[^@\s]+$/.test(settings.alarmEmail) &&
      'alarmEmail is an e-mail address',
    tagMap(context('tags')) === undefined && 'tags are key=value pairs separated by commas',
    gatewayList(context('gateways')) === undefined &&
      'gateways is a JSON list of {"region": "eu-west-1", "roleArn": "arn:aws:iam::123456789012:role/name"} (roleArn only for another account)',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length) throw new SettingsError(problems);
  return { ...settings, mailFrom: settings.mailFrom ?? defaultSender(settings.mailIdentity) };
}

/** The address in `Name <address>` or a bare address, lower-cased. */
const addressOf = (mailbox: string) =>
  (/<([^<>\s]+)>$/.exec(mailbox)?.[1] ?? mailbox).toLowerCase();

const isAddress = (value: string) => /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(value);

/** An address identity is its own sender; a domain identity needs the operator to name one. */
const defaultSender = (identity?: string) =>
  identity && isAddress(identity) ? identity : undefined;

/** SES refuses (and IAM denies) a sender outside the identity: caught here, before deploying. */
function mailProblems({ mailIdentity, mailFrom }: PorticoSettings): string[] {
  if (!mailIdentity) return mailFrom ? ['mailFrom needs mailIdentity (the SES identity)'] : [];
  const domain = !isAddress(mailIdentity);
  if (domain && !/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(mailIdentity)) {
    return ['mailIdentity is a verified SES domain (example.com) or address (portal@example.com)'];
  }
  if (!mailFrom) {
    return domain ? [`mailFrom names the sender, an address in ${mailIdentity}`] : [];
  }
  if (!awsVariables.shape.PORTICO_MAIL_FROM.safeParse(mailFrom).success) {
    return ['mailFrom is a sender such as "Developer portal <portal@example.com>"'];
  }
  const address = addressOf(mailFrom);
  const inIdentity = domain ? address.endsWith(`@${mailIdentity}`) : address === mailIdentity;
  return inIdentity
    ? []
    : [`mailFrom's address ${address} is not the SES identity ${mailIdentity}`];
}
