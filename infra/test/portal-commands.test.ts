import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portalCommands, scheduledCommands, serverCommands } from '../lib/portal-permissions';
import {
  commandsReachedFrom,
  commandsSentBy,
  repositoryRoot as root,
  serverEntries,
} from './commands-reached';

/** Production sources of the portal: tests and test helpers send commands IAM never sees. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) => !/\.test\.tsx?$/.test(file) && !file.includes(`${join(root, 'lib', 'testing')}`),
    );
}

/**
 * Each scheduled function: its bundle's entry, and the commands its bundle can reach but it
 * never sends (modules hold commands beside the ones a job uses). A command newly reachable
 * fails the test until it is granted or listed here.
 */
const scheduled: Record<keyof typeof scheduledCommands, { entry: string; neverSent: string[] }> = {
  housekeeping: {
    entry: 'infra/functions/housekeeping.ts',
    // Retiring a rotated key never marks it (TagResource) nor checks the account in Cognito;
    // a reminder is only queued (lib/mail/mail-jobs.ts also holds the sending, for the outbox);
    // a plan repair only aligns a namesake (lib/gateway/usage-plans.ts holds the rest).
    neverSent: [
      'AdminGetUser',
      'AdminListGroupsForUser',
      'CreateApiKey',
      'CreateUsagePlan',
      'DeleteApiKey',
      'DeleteUsagePlan',
      'GetUsagePlanKeys',
      'ImportApiKeys',
      'ListUsersInGroup',
      'SendEmail',
      'TagResource',
    ],
  },
  sync: {
    entry: 'lib/gateway/scheduled-sync.ts',
    // Its writes restore key copies only: lib/gateway/keys.ts, usage-plans.ts and
    // plan-associations.ts also hold the others; it reads users by pages, never one user's groups.
    neverSent: [
      'AdminListGroupsForUser',
      'CreateUsagePlan',
      'DeleteApiKey',
      'DeleteUsagePlan',
      'DeleteUsagePlanKey',
      'GetUsagePlan',
      'ImportApiKeys',
      'TagResource',
      'UntagResource',
      'UpdateUsagePlan',
    ],
  },
  outbox: {
    entry: 'infra/functions/deliver-outbox.ts',
    // lib/admin/cognito-users.ts and lib/webhooks/endpoints.ts hold commands it does not use.
    // No API Gateway either, so no other account's role (lib/gateway/peers.ts is reached).
    neverSent: [
      'AdminListGroupsForUser',
      'AssumeRole',
      'Delete',
      // Granted apart, with the runtime settings (infra/functions/aws-settings.ts).
      'GetParameter',
      'GetSecretValue',
    ],
  },
  quotaSweep: {
    entry: 'lib/quota/scheduled-sweep.ts',
    // It only reads usage: lib/gateway/key-copies.ts (whose tag names a copy's home key) and
    // the read-model stores it reads hold the writes.
    neverSent: [
      'CreateApiKey',
      'Delete',
      'DeleteApiKey',
      'GetApiKey',
      'GetApiKeys',
      'GetUsagePlans',
      'UpdateApiKey',
    ],
  },
};

describe('the IAM command table', () => {
  const sent = commandsSentBy([...sources('lib'), ...sources('app'), join(root, 'proxy.ts')]);

  it('maps every AWS SDK command the portal sends (add new ones to portal-permissions.ts)', () => {
    const unmapped = sent.filter((command) => !(command in portalCommands));
    expect(unmapped).toEqual([]);
  });

  it('grants nothing for commands the portal no longer sends', () => {
    const stale = Object.keys(portalCommands).filter((command) => !sent.includes(command));
    expect(stale).toEqual([]);
  });

  it("grants the server exactly what its routes, pages and actions can send (no mail: it's queued)", () => {
    expect([...serverCommands].sort()).toEqual(commandsReachedFrom(serverEntries()));
    expect(serverCommands).not.toContain('SendEmail');
  });

  for (const [name, { entry, neverSent }] of Object.entries(scheduled)) {
    it(`grants the ${name} function what its bundle sends, and no more`, () => {
      const granted: string[] = [...scheduledCommands[name as keyof typeof scheduledCommands]];
      const reached = commandsReachedFrom([entry]);
      expect(granted.filter((command) => !reached.includes(command))).toEqual([]);
      expect(reached.filter((command) => !granted.includes(command))).toEqual(
        [...neverSent].sort(),
      );
    });
  }
});
