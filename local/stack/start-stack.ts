import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { awsControlPlaneRateLimit, startApiGatewayEmulator } from '../apigateway';
import { createCognitoClient, createDynamoDocumentClient } from '../../lib/aws/clients';
import { localSessionSecret } from '../../lib/config/local-secret';
import { startInbox } from '../mail/inbox';
import { startSes } from '../mail/ses';
import { createApiGatewayClient, createUnbudgetedApiGatewayClient } from '../../lib/gateway/client';
import { syncReadModel } from '../../lib/gateway/sync';
import { SyncRunningError } from '../../lib/store/sync-lock';
import { defaultKeyGraceMs } from '../../lib/portal/deps';
import { applyRepairs } from '../../lib/portal/repairs';
import { createGatewayPeers } from '../../lib/gateway/peers';
import { peerSeed, seedUsers } from '../seed/seed-data';
import { rememberCode } from '../../lib/auth/local-codes';
import { startCognito, type CodeDelivery } from './cognito';
import { startDynamo } from './dynamodb';
import { assertPortsFree, type StackPorts } from './ports';
import { provisionApis } from './provision-apigateway';
import { provisionGroup, provisionUser, provisionUserPool } from './provision-cognito';
import { startEventIntervals } from './event-intervals';
import { provisionTable } from './provision-dynamodb';
import { provisionGuides } from './provision-guides';

export interface StackOptions {
  ports: StackPorts;
  /** State lives here: cognito/, dynamodb/, apigateway/, apigateway-<region>/ and stack.json. */
  stateDir: string;
  region?: string;
  tableName?: string;
  adminGroup?: string;
  /** cognito-local's fixed confirmation code (tests). */
  confirmationCode?: string;
  /** Turn on the emulator's account-wide control-plane rate limit (10 rps, burst 40). */
  controlPlaneRateLimit?: boolean;
  /** Called the moment cognito-local delivers a confirmation code or temporary password. */
  onCodeDelivery?: (delivery: CodeDelivery) => void;
  /** Deliver the outbox (webhooks, mail) and sweep quotas, as scheduled functions do in AWS. */
  deliverEvents?: boolean;
  /**
   * Also sync the portal's read model with the emulator this often (ms), as the scheduled
   * sync does in AWS: picks up changes made to the emulator behind the portal's back. Off by
   * default, so tests decide when a sync runs; it always runs once at start-up.
   */
  syncIntervalMs?: number;
}

export interface RunningStack {
  /** The variables the portal needs to reach this stack (also written to stack.json). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts dynalite, two API Gateway emulators (the home Region and a second one, so the portal
 * spans Regions as it does in AWS with PORTICO_GATEWAYS), cognito-local, MailDev and the SES
 * stand-in, then provisions and seeds them through the real AWS SDK clients. Safe to run again
 * on the same state: nothing is duplicated.
 */
export async function startLocalStack(options: StackOptions): Promise<RunningStack> {
  const { ports } = options;
  const stateDir = resolve(options.stateDir);
  const region = options.region ?? 'us-east-1';
  const tableName = options.tableName ?? 'portico';
  const adminGroup = options.adminGroup ?? 'portal-admins';
  const peerRegion = region === peerSeed.region ? peerSeed.fallbackRegion : peerSeed.region;
  await assertPortsFree(ports, [
    'apiGateway',
    'apiGatewayPeer',
    'cognito',
    'dynamodb',
    'ses',
    'smtp',
    'inbox',
  ]);
  mkdirSync(stateDir, { recursive: true });
  // Made now rather than on the portal's first request, so it exists before Next's workers start.
  localSessionSecret(stateDir);

  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch(() => {});
  };
  try {
    const dynamo = await startDynamo({ port: ports.dynamodb, dataDir: join(stateDir, 'dynamodb') });
    closers.push(dynamo.close);
    const emulator = await startApiGatewayEmulator({
      port: ports.apiGateway,
      dataDir: join(stateDir, 'apigateway'),
      ...(options.controlPlaneRateLimit ? { controlPlaneRateLimit: awsControlPlaneRateLimit } : {}),
    });
    closers.push(emulator.close);
    const peerEmulator = await startApiGatewayEmulator({
      port: ports.apiGatewayPeer,
      dataDir: join(stateDir, `apigateway-${peerRegion}`),
      ...(options.controlPlaneRateLimit ? { controlPlaneRateLimit: awsControlPlaneRateLimit } : {}),
    });
    closers.push(peerEmulator.close);
    const gateways = [{ region }, { region: peerRegion, endpoint: peerEmulator.url }];
    const cognito = await startCognito({
      port: ports.cognito,
      dataDir: join(stateDir, 'cognito'),
      code: options.confirmationCode,
      onDelivery: (delivery) => {
        // Kept for the confirm page too: in local mode no email leaves the machine.
        rememberCode(stateDir, delivery.destination ?? delivery.username, delivery.code);
        options.onCodeDelivery?.(delivery);
      },
    });
    closers.push(cognito.close);
    const inbox = await startInbox({
      smtpPort: ports.smtp,
      webPort: ports.inbox,
      dataDir: join(stateDir, 'mail'),
    });
    closers.push(inbox.close);
    const ses = await startSes({ port: ports.ses, smtpPort: ports.smtp });
    closers.push(ses.close);

    const settings = {
      region,
      endpoints: { apiGateway: emulator.url, cognito: cognito.url, dynamodb: dynamo.url },
    };
    const cognitoClient = createCognitoClient(settings);
    const pool = await provisionUserPool(cognitoClient);
    await provisionGroup(cognitoClient, pool.userPoolId, adminGroup);
    for (const user of seedUsers)
      await provisionUser(cognitoClient, pool.userPoolId, user, adminGroup);
    const tableClient = createDynamoDocumentClient(settings);
    await provisionTable(tableClient, tableName);
    await provisionGuides(tableClient, tableName);
    await provisionApis(createUnbudgetedApiGatewayClient(settings));
    await provisionApis(
      createUnbudgetedApiGatewayClient({
        region: peerRegion,
        endpoints: { apiGateway: peerEmulator.url },
      }),
      peerSeed,
    );
    const syncDeps = {
      apiGateway: createApiGatewayClient(settings),
      peers: createGatewayPeers({
        gateways: gateways.map((gateway) => ({ ...gateway, id: gateway.region })),
      }),
      dynamo: createDynamoDocumentClient(settings),
      tableName,
      now: Date.now,
      // The sync also records the seeded (and any other) Cognito accounts for the admin lists.
      cognito: cognitoClient,
      userPoolId: pool.userPoolId,
      adminGroup,
    };
    await syncReadModel(syncDeps, 'startup');
    if (options.syncIntervalMs) {
      const timer = setInterval(() => {
        // Then what failed changes left to repair, as the deployment's housekeeping does.
        syncReadModel(syncDeps, 'schedule')
          .then(() => applyRepairs({ ...syncDeps, keyGraceMs: defaultKeyGraceMs }))
          .catch((error: unknown) => {
            // "Sync now" holds the lock: that run does the work, as the scheduled function skips.
            if (!(error instanceof SyncRunningError))
              console.error('[local stack] timed sync or repairs failed', error);
          });
      }, options.syncIntervalMs);
      timer.unref();
      closers.push(async () => clearInterval(timer));
    }

    const env = {
      PORTICO_MODE: 'local',
      AWS_REGION: region,
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
      PORTICO_ADMIN_GROUP: adminGroup,
      PORTICO_TABLE_NAME: tableName,
      PORTICO_APIGATEWAY_PORT: String(ports.apiGateway),
      PORTICO_GATEWAYS: JSON.stringify(gateways),
      PORTICO_COGNITO_PORT: String(ports.cognito),
      PORTICO_DYNAMODB_PORT: String(ports.dynamodb),
      PORTICO_SES_PORT: String(ports.ses),
      PORTICO_INBOX_PORT: String(ports.inbox),
      PORTICO_LOCAL_DIR: stateDir,
      NEXTAUTH_URL: `http://localhost:${ports.portal}`,
    };
    writeFileSync(join(stateDir, 'stack.json'), `${JSON.stringify(env, null, 2)}\n`);
    if (options.deliverEvents) closers.push(startEventIntervals({ ...process.env, ...env }));
    return { env, close };
  } catch (error) {
    await close();
    throw error;
  }
}
