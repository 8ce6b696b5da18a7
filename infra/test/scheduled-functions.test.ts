import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { serverRuntime } from '../lib/site';
import { actionsOf, policyStatements, resourcesOf, synth } from './synth';

const template = synth();

/** The one function whose logical id starts with `prefix`, and its properties. */
function functionOf(t: Template, prefix: string) {
  const matches = Object.entries(t.findResources('AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith(`${prefix}Function`),
  );
  expect(matches.map(([id]) => id)).toHaveLength(1);
  const [id, resource] = matches[0]!;
  return { id, properties: resource.Properties };
}

/** The schedule expression of the rule that targets the function. */
function scheduleOf(t: Template, functionId: string): string[] {
  return Object.values(t.findResources('AWS::Events::Rule'))
    .filter((rule) =>
      rule.Properties.Targets.some(
        (target: { Arn: unknown }) =>
          JSON.stringify(target.Arn) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
      ),
    )
    .map((rule) => `${rule.Properties.State} ${rule.Properties.ScheduleExpression}`);
}

const jobs = [
  { name: 'Housekeeping', handler: 'index.handler', schedule: 'rate(1 hour)' },
  { name: 'Sync', handler: 'index.handler', schedule: 'rate(15 minutes)' },
  { name: 'Outbox', handler: 'index.handler', schedule: 'rate(1 minute)' },
  { name: 'QuotaSweep', handler: 'index.handler', schedule: 'rate(5 minutes)' },
];

describe('the scheduled functions', () => {
  for (const job of jobs) {
    it(`runs ${job.name} (${job.handler}) on ${job.schedule}, on the table`, () => {
      const { id, properties } = functionOf(template, job.name);
      expect(properties.Handler).toBe(job.handler);
      expect(properties.Runtime).toBe(serverRuntime.name);
      expect(properties.Environment.Variables.PORTICO_TABLE_NAME).toEqual({
        Ref: expect.stringMatching(/^DataTable/),
      });
      expect(scheduleOf(template, id)).toEqual([`ENABLED ${job.schedule}`]);
    });
  }

  it('takes the sync and quota sweep schedules as parameters', () => {
    const custom = synth({ syncSchedule: 'rate(30 minutes)', quotaSweepSchedule: 'rate(1 hour)' });
    expect(scheduleOf(custom, functionOf(custom, 'Sync').id)).toEqual(['ENABLED rate(30 minutes)']);
    expect(scheduleOf(custom, functionOf(custom, 'QuotaSweep').id)).toEqual([
      'ENABLED rate(1 hour)',
    ]);
  });

  it('gives the outbox the portal configuration, with the secret and URL by reference', () => {
    const variables = functionOf(template, 'Outbox').properties.Environment.Variables;
    expect(variables).toMatchObject({
      PORTICO_MODE: 'aws',
      COGNITO_USER_POOL_ID: { Ref: expect.stringMatching(/^IdentityUserPool/) },
      COGNITO_CLIENT_ID: { Ref: expect.stringMatching(/^IdentityUserPoolClient/) },
      PORTICO_ADMIN_GROUP: 'portal-admins',
      NEXTAUTH_SECRET_ARN: { Ref: expect.stringMatching(/^DataNextAuthSecret/) },
      NEXTAUTH_URL_PARAMETER: '/Portico/public-url',
    });
    expect(variables).not.toHaveProperty('NEXTAUTH_SECRET');
    expect(variables).not.toHaveProperty('PORTICO_MAIL_FROM');
    const outbox = policyStatements(template).filter(({ policy }) => policy.startsWith('Outbox'));
    const reads = outbox.filter(({ statement }) =>
      actionsOf(statement).some((action) => /^(secretsmanager|ssm):/.test(action)),
    );
    expect(reads.map(({ statement }) => [actionsOf(statement), resourcesOf(statement)])).toEqual([
      [['secretsmanager:GetSecretValue'], [expect.stringMatching(/^\$\{DataNextAuthSecret/)]],
      [['ssm:GetParameter'], [expect.stringMatching(/:parameter\/Portico\/public-url$/)]],
    ]);
  });

  it("gives housekeeping the user pool, for the key reminders' addresses", () => {
    const variables = functionOf(template, 'Housekeeping').properties.Environment.Variables;
    expect(variables).toMatchObject({
      COGNITO_USER_POOL_ID: { Ref: expect.stringMatching(/^IdentityUserPool/) },
      PORTICO_ADMIN_GROUP: 'portal-admins',
    });
    const cognito = policyStatements(template).filter(
      ({ policy, statement }) =>
        policy.startsWith('Housekeeping') &&
        actionsOf(statement).some((action) => action.startsWith('cognito-idp:')),
    );
    expect(cognito.map(({ statement }) => actionsOf(statement))).toEqual([
      ['cognito-idp:ListUsers'],
    ]);
  });

  it('outputs the sync function, to fill the read model right after the first deployment', () => {
    template.hasOutput('SyncFunction', {
      Value: { Ref: Match.stringLikeRegexp('^SyncFunction') },
    });
  });
});

describe('mail through SES', () => {
  const sendsMail = (t: Template) =>
    policyStatements(t).filter(({ statement }) =>
      actionsOf(statement).some((action) => action.startsWith('ses:')),
    );

  it('allows no SES action without a verified identity', () => {
    expect(sendsMail(template)).toEqual([]);
  });

  it("allows ses:SendEmail to the outbox only, on the identity's ARN only", () => {
    const withMail = synth({
      mailIdentity: 'example.com',
      mailFrom: 'Developer portal <portal@example.com>',
    });
    const statements = sendsMail(withMail);
    expect(statements).toHaveLength(1);
    const [{ policy, statement }] = statements as [(typeof statements)[number]];
    expect(policy).toMatch(/^OutboxFunction/);
    expect(statement.Effect).toBe('Allow');
    expect(actionsOf(statement)).toEqual(['ses:SendEmail']);
    expect(resourcesOf(statement)).toEqual([
      'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com',
    ]);
    for (const job of ['Outbox', 'Site']) {
      const fn = Object.entries(withMail.findResources('AWS::Lambda::Function')).find(([id]) =>
        id.startsWith(job === 'Site' ? 'SiteServer' : 'OutboxFunction'),
      );
      expect(fn?.[1].Properties.Environment.Variables.PORTICO_MAIL_FROM, job).toBe(
        'Developer portal <portal@example.com>',
      );
    }
  });
});
