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
  /** EventBridge schedule expression of the housekeeping sweep. */
  housekeepingSchedule: string;
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

const idPattern = /^[a-z0-9]{1,32}$/;

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
    housekeepingSchedule: text(context('housekeepingSchedule')) ?? 'rate(1 hour)',
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
    !/^(rate|cron)\(.+\)$/.test(settings.housekeepingSchedule) &&
      'housekeepingSchedule is an EventBridge expression such as rate(1 hour)',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length) throw new SettingsError(problems);
  return settings;
}
