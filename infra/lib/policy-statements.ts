import { Aws } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { tableKeys } from '../../lib/store/table-schema';
import { portalCommands, type Permission } from './portal-permissions';

export interface PolicyScope {
  userPoolArn: string;
  tableArn: string;
  /** Usage plans and REST APIs the portal may touch; empty lists mean all of them. */
  usagePlanIds: string[];
  restApiIds: string[];
  /** The verified SES identity mail goes out from; unset, nothing may send mail. */
  mailIdentity?: string;
  /** Other gateways (PORTICO_GATEWAYS): Regions of this account, and other accounts' roles. */
  gateways?: { region: string; roleArn?: string }[];
}

/** The statements that allow exactly these commands, each on the narrowest resources. */
export function statementsFor(commands: readonly string[], scope: PolicyScope): PolicyStatement[] {
  const permissions = commands.map((command) => {
    const permission = portalCommands[command];
    if (!permission) throw new Error(`No IAM permission is mapped for the ${command} command`);
    return permission;
  });
  return [
    ...gatewayStatements(permissions, scope),
    ...cognitoStatements(permissions, scope),
    ...dynamoStatements(permissions, scope),
    ...sesStatements(permissions, scope),
    ...stsStatements(permissions, scope),
  ];
}

/** Only the roles the operator named: no role, no sts:AssumeRole at all. */
function stsStatements(permissions: Permission[], scope: PolicyScope): PolicyStatement[] {
  const actions = permissions.flatMap((p) => (p.service === 'sts' ? [p.action] : []));
  const roles = (scope.gateways ?? []).flatMap((gateway) =>
    gateway.roleArn ? [gateway.roleArn] : [],
  );
  if (!actions.length || !roles.length) return [];
  return [
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: unique(actions).map((action) => `sts:${action}`),
      resources: unique(roles),
    }),
  ];
}

/** SES authorizes sending per identity: the one identity the operator named, nothing else. */
function sesStatements(permissions: Permission[], scope: PolicyScope): PolicyStatement[] {
  const actions = permissions.flatMap((p) => (p.service === 'ses' ? [p.action] : []));
  if (!actions.length || !scope.mailIdentity) return [];
  return [
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: unique(actions).map((action) => `ses:${action}`),
      resources: [
        `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${scope.mailIdentity}`,
      ],
    }),
  ];
}

function gatewayStatements(permissions: Permission[], scope: PolicyScope): PolicyStatement[] {
  const pathsByVerb = new Map<string, Set<string>>();
  for (const permission of permissions) {
    if (permission.service !== 'apigateway') continue;
    const paths = pathsByVerb.get(permission.verb) ?? new Set<string>();
    for (const path of expand(permission.path, scope)) paths.add(path);
    pathsByVerb.set(permission.verb, paths);
  }
  // This account's other Regions get the same paths; other accounts' are their roles' business.
  const regions = [
    Aws.REGION,
    ...unique((scope.gateways ?? []).flatMap((g) => (g.roleArn ? [] : [g.region]))),
  ];
  return [...pathsByVerb].sort().map(
    ([verb, paths]) =>
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [`apigateway:${verb}`],
        resources: regions.flatMap((region) =>
          [...paths].sort().map((path) => `arn:${Aws.PARTITION}:apigateway:${region}::${path}`),
        ),
      }),
  );
}

/** One path per managed id, or a wildcard when the operator did not narrow them down. */
function expand(path: string, scope: PolicyScope): string[] {
  const placeholders: [string, string[]][] = [
    ['{usagePlan}', scope.usagePlanIds],
    ['{restApi}', scope.restApiIds],
  ];
  let paths = [path];
  for (const [placeholder, ids] of placeholders) {
    paths = paths.flatMap((p) =>
      p.includes(placeholder)
        ? (ids.length ? ids : ['*']).map((id) => p.replace(placeholder, id))
        : [p],
    );
  }
  return paths;
}

function cognitoStatements(permissions: Permission[], scope: PolicyScope): PolicyStatement[] {
  const actions = permissions.flatMap((p) => (p.service === 'cognito-idp' ? [p.action] : []));
  if (!actions.length) return [];
  return [
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: unique(actions).map((action) => `cognito-idp:${action}`),
      resources: [scope.userPoolArn],
    }),
  ];
}

function dynamoStatements(permissions: Permission[], scope: PolicyScope): PolicyStatement[] {
  const dynamo = permissions.flatMap((p) => (p.service === 'dynamodb' ? [p] : []));
  const statements: PolicyStatement[] = [];
  if (dynamo.length) {
    statements.push(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: unique(dynamo.map((p) => `dynamodb:${p.action}`)),
        resources: [scope.tableArn],
      }),
    );
  }
  const onIndex = dynamo.filter((p) => p.onIndex);
  if (onIndex.length) {
    statements.push(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: unique(onIndex.map((p) => `dynamodb:${p.action}`)),
        resources: [`${scope.tableArn}/index/${tableKeys.gsi1.name}`],
      }),
    );
  }
  return statements;
}

const unique = (items: string[]) => [...new Set(items)].sort();
