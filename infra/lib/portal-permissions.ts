/**
 * Every AWS SDK command the portal's code sends, and the IAM permission it needs. This table
 * is the single source of the server function's policy, and a test compares it with the
 * commands found in lib/ and app/, so a new command cannot ship without its permission (and a
 * dropped one does not leave a stale grant behind).
 *
 * API Gateway's control plane is authorized by HTTP verb on a resource path
 * (`apigateway:GET` on `arn:aws:apigateway:<region>::/usageplans/<id>`); `{usagePlan}` and
 * `{restApi}` stand for the ids the operator lets the portal manage (or `*`).
 */
export type Permission =
  | { service: 'apigateway'; verb: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string }
  | { service: 'cognito-idp'; action: string }
  | { service: 'dynamodb'; action: string; onIndex?: boolean }
  /** SES v2: the mail the events outbox sends, from the account's verified identities. */
  | { service: 'ses'; action: string }
  /** STS: the roles of other accounts' gateways (PORTICO_GATEWAYS), granted only when named. */
  | { service: 'sts'; action: string }
  /** Cognito's public and token-authorized operations: AWS does not evaluate IAM for them. */
  | { service: 'none' };

const gateway = (verb: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string) =>
  ({ service: 'apigateway', verb, path }) as const;
const cognito = (action: string) => ({ service: 'cognito-idp', action }) as const;
const noIam = { service: 'none' } as const;

export const portalCommands: Record<string, Permission> = {
  // API Gateway: catalog, docs, plans, keys, usage.
  GetRestApis: gateway('GET', '/restapis'),
  GetExport: gateway('GET', '/restapis/{restApi}/stages/*/exports/*'),
  // Which deployment each stage serves, so the sync finds stages deployed again (lib/search).
  GetStages: gateway('GET', '/restapis/{restApi}/stages'),
  GetUsagePlans: gateway('GET', '/usageplans'),
  GetUsagePlan: gateway('GET', '/usageplans/{usagePlan}'),
  CreateUsagePlan: gateway('POST', '/usageplans'),
  UpdateUsagePlan: gateway('PATCH', '/usageplans/{usagePlan}'),
  DeleteUsagePlan: gateway('DELETE', '/usageplans/{usagePlan}'),
  GetUsage: gateway('GET', '/usageplans/{usagePlan}/usage'),
  GetUsagePlanKeys: gateway('GET', '/usageplans/{usagePlan}/keys'),
  // Checks whether a key is in a plan after an answer was lost (lib/gateway/plan-associations).
  GetUsagePlanKey: gateway('GET', '/usageplans/{usagePlan}/keys/*'),
  CreateUsagePlanKey: gateway('POST', '/usageplans/{usagePlan}/keys'),
  DeleteUsagePlanKey: gateway('DELETE', '/usageplans/{usagePlan}/keys/*'),
  GetApiKeys: gateway('GET', '/apikeys'),
  GetApiKey: gateway('GET', '/apikeys/*'),
  CreateApiKey: gateway('POST', '/apikeys'),
  UpdateApiKey: gateway('PATCH', '/apikeys/*'),
  DeleteApiKey: gateway('DELETE', '/apikeys/*'),
  // The CSV import is POST /apikeys?mode=import: the same resource as creating one key.
  ImportApiKeys: gateway('POST', '/apikeys'),
  TagResource: gateway('PUT', '/tags/*'),
  UntagResource: gateway('DELETE', '/tags/*'),

  // Cognito: admin operations on the portal's pool need IAM.
  AdminGetUser: cognito('AdminGetUser'),
  DescribeUserPool: cognito('DescribeUserPool'),
  AdminAddUserToGroup: cognito('AdminAddUserToGroup'),
  AdminRemoveUserFromGroup: cognito('AdminRemoveUserFromGroup'),
  AdminListGroupsForUser: cognito('AdminListGroupsForUser'),
  AdminDisableUser: cognito('AdminDisableUser'),
  AdminEnableUser: cognito('AdminEnableUser'),
  AdminDeleteUser: cognito('AdminDeleteUser'),
  // The admin console's invitations (lib/admin/invite.ts).
  AdminCreateUser: cognito('AdminCreateUser'),
  ListUsers: cognito('ListUsers'),
  ListUsersInGroup: cognito('ListUsersInGroup'),
  // Named audiences are Cognito groups (lib/audiences/groups.ts): created, renamed, listed.
  CreateGroup: cognito('CreateGroup'),
  UpdateGroup: cognito('UpdateGroup'),
  ListGroups: cognito('ListGroups'),
  SignUp: noIam,
  ConfirmSignUp: noIam,
  ResendConfirmationCode: noIam,
  ForgotPassword: noIam,
  ConfirmForgotPassword: noIam,
  InitiateAuth: noIam,
  RespondToAuthChallenge: noIam,
  RevokeToken: noIam,
  ChangePassword: noIam,
  DeleteUser: noIam,

  // DynamoDB document client: the portal's table; only queries use the gsi1 index.
  Get: { service: 'dynamodb', action: 'GetItem' },
  Put: { service: 'dynamodb', action: 'PutItem' },
  Update: { service: 'dynamodb', action: 'UpdateItem' },
  Delete: { service: 'dynamodb', action: 'DeleteItem' },
  Query: { service: 'dynamodb', action: 'Query', onIndex: true },

  // Notification e-mail (lib/mail/send.ts).
  SendEmail: { service: 'ses', action: 'SendEmail' },

  // Gateways in other accounts (lib/gateway/assumed-role.ts).
  AssumeRole: { service: 'sts', action: 'AssumeRole' },
};

/**
 * Only the outbox function sends mail: the server and the other jobs queue it. The server is
 * granted every other command (test/portal-commands.test.ts checks that against its code).
 */
const outboxOnly: string[] = ['SendEmail'];

export const serverCommands = Object.keys(portalCommands).filter(
  (command) => !outboxOnly.includes(command),
);

/**
 * What each scheduled function sends, from reading its code; test/portal-commands.test.ts
 * compares each list with the commands its bundle can reach.
 */
export const scheduledCommands = {
  /**
   * infra/functions/housekeeping.ts: the rotation sweep, lib/portal/repairs.ts, and the key
   * reminders (lib/mail/key-reminders.ts: the addresses from Cognito, the mail queued).
   */
  housekeeping: [
    'ListUsers',
    'GetApiKeys',
    'GetUsagePlans',
    'UpdateApiKey',
    'CreateUsagePlanKey',
    'GetUsagePlanKey',
    'DeleteUsagePlanKey',
    'UntagResource',
    'Put',
    'Update',
    'Query',
    'Delete',
    // A retired key's copies in other gateways (lib/gateway/key-copies.ts): found from its
    // record (or the key itself), through a role for another account.
    'Get',
    'GetApiKey',
    'AssumeRole',
    // A plan edit another gateway did not take (an align-linked-plan repair, lib/portal/repairs.ts).
    'GetUsagePlan',
    'UpdateUsagePlan',
  ],
  /**
   * lib/gateway/scheduled-sync.ts: the read-model sync (with the customer directory from the
   * pool's users and groups).
   */
  sync: [
    'ListUsers',
    // Every group's members: the directory records each account's groups.
    'ListGroups',
    'ListUsersInGroup',
    'GetRestApis',
    // Stages deployed again are summarised again for search (lib/search/redeployed-stages.ts).
    'GetStages',
    'GetExport',
    'GetUsagePlans',
    'GetUsagePlanKeys',
    'GetApiKeys',
    // Key copies restored in other gateways (lib/gateway/sync-copies.ts): the account checked in
    // Cognito, the key and its membership re-read at home, the copy made, put in the namesake
    // plan, or disabled with its home key.
    'AdminGetUser',
    'GetApiKey',
    'GetUsagePlanKey',
    'CreateApiKey',
    'CreateUsagePlanKey',
    'UpdateApiKey',
    'Get',
    'Put',
    'Update',
    'Query',
    'Delete',
    // Other accounts' gateways (PORTICO_GATEWAYS).
    'AssumeRole',
  ],
  /** infra/functions/deliver-outbox.ts: fan-out, webhooks, mail. */
  outbox: ['ListUsers', 'ListUsersInGroup', 'Get', 'Put', 'Update', 'Query', 'SendEmail'],
  /** lib/quota/scheduled-sweep.ts: usage snapshots from GetUsage, then the alerts. */
  quotaSweep: [
    'GetUsage',
    'Get',
    'Put',
    'Update',
    'Query',
    // Usage of plans spanning other accounts' gateways (PORTICO_GATEWAYS).
    'AssumeRole',
  ],
} as const;
