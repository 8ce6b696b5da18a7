import { DeleteApiKeyCommand, GetApiKeyCommand } from '@aws-sdk/client-api-gateway';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createCustomerKey } from '../gateway/customer-keys';
import { customerAudit } from '../store/audit';
import { directoryReconciliation, markDirectoryReconciled } from '../store/customer-directory';
import { recentNotifications } from '../store/notifications';
import { testAdminDeps } from '../testing/admin-deps';
import { unknownCustomer } from '../testing/portal-deps';
import { bulkDisableKeys } from './bulk-disable';
import { loadDirectory } from './directory';
import { reconcileDirectory } from './directory-records';
import { hygieneReport } from './hygiene';

const deps = testAdminDeps();
const admin = { sub: 'admin-sub', email: 'admin@portico.local' };
const created: string[] = [];

afterAll(async () => {
  for (const apiKey of created) await deps.apiGateway.send(new DeleteApiKeyCommand({ apiKey }));
});

describe('key hygiene against the local stack', () => {
  it('flags the key of an account that no longer exists, and bulk disables it once', async () => {
    // A key whose owner is in no Cognito pool: what an account deleted elsewhere leaves.
    const ghost = unknownCustomer();
    const { key } = await createCustomerKey(deps, ghost);
    created.push(key.id);

    const report = hygieneReport(await loadDirectory(deps, { keys: 'all' }), Date.now());
    const entry = report.find((candidate) => candidate.key.id === key.id);
    expect(entry?.reasons).toEqual(['no-plan', 'owner-gone']);

    const reason = 'Owner left the company';
    expect(await bulkDisableKeys(deps, admin, [key.id, key.id], reason)).toEqual({
      disabled: 1,
      skipped: 0,
    });
    expect(await bulkDisableKeys(deps, admin, [key.id, 'gone000000'], reason)).toEqual({
      disabled: 0,
      skipped: 2,
    });
    const after = await deps.apiGateway.send(new GetApiKeyCommand({ apiKey: key.id }));
    expect(after.enabled).toBe(false);
    expect(after.tags?.['portico:disabled-reason']).toBe(reason);
    const [audit] = await customerAudit(deps, ghost.sub);
    expect(audit).toMatchObject({ action: 'key.disabled', actor: admin, details: { reason } });
    expect((await recentNotifications(deps, ghost.sub))[0]?.message).toContain(reason);
    const later = hygieneReport(await loadDirectory(deps, { keys: 'all' }), Date.now());
    expect(later.some((candidate) => candidate.key.id === key.id)).toBe(false);
  });

  it('before the first reconciliation with the pool: the owner is unknown and bulk disable refuses the key', async () => {
    const ghost = unknownCustomer();
    const { key } = await createCustomerKey(deps, ghost);
    created.push(key.id);
    const reasonsOf = async () =>
      hygieneReport(await loadDirectory(deps, { keys: 'all' }), Date.now()).find(
        (candidate) => candidate.key.id === key.id,
      )?.reasons;
    const marker = await directoryReconciliation(deps);
    expect(marker).toBeDefined();
    // As an upgraded installation before its first sync: no marker.
    await deps.dynamo.send(
      new DeleteCommand({
        TableName: deps.tableName,
        Key: { pk: 'RM#DIRECTORY', sk: 'RECONCILED' },
      }),
    );
    try {
      expect(await reasonsOf()).toEqual(['no-plan', 'owner-unknown']);
      await expect(
        bulkDisableKeys(deps, admin, [key.id], 'Owner left the company'),
      ).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(
          new RegExp(
            `^Nothing was disabled\\. One of the chosen keys belongs to an account the portal does not know yet \\(${key.id}\\).*Run a sync`,
          ),
        ),
      });
      const untouched = await deps.apiGateway.send(new GetApiKeyCommand({ apiKey: key.id }));
      expect(untouched.enabled).toBe(true);
      expect(untouched.tags?.['portico:disabled-reason']).toBeUndefined();

      // The sync reconciles the directory with the pool: from then on the owner is gone.
      await reconcileDirectory(deps);
      expect(await directoryReconciliation(deps)).toMatchObject({
        reconciledAt: expect.any(Number),
      });
      expect(await reasonsOf()).toEqual(['no-plan', 'owner-gone']);
      expect(await bulkDisableKeys(deps, admin, [key.id], 'Owner left the company')).toEqual({
        disabled: 1,
        skipped: 0,
      });
    } finally {
      if (marker && !(await directoryReconciliation(deps)))
        await markDirectoryReconciled(deps, marker);
    }
  });
});
