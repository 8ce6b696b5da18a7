import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { customerRecords } from '../store/customer-directory';
import { testAdminDeps } from '../testing/admin-deps';
import { seededStack } from '../testing/seeded-stack';
import { closeAccount, enableAccount, setAdminRole } from './customer-accounts';
import { inviteUser } from './invite';

const deps = testAdminDeps();
const { admin } = seededStack(deps);
const invited: string[] = [];

afterAll(async () => {
  for (const sub of invited.splice(0)) {
    await closeAccount(deps, admin, sub, 'delete', 'test clean-up').catch(() => undefined);
  }
});

const recordOf = async (sub: string) =>
  (await customerRecords(deps)).find((record) => record.sub === sub);

describe('the customer directory records follow every admin change at once', () => {
  it('records an invitation, a promotion, a demotion, disabling, enabling and deleting', async () => {
    const email = `dir-${randomUUID().slice(0, 8)}@example.test`;
    const { sub } = await inviteUser(deps, admin, email, false);
    invited.push(sub);
    expect(await recordOf(sub)).toMatchObject({ email, status: 'invited', isAdmin: false });

    await setAdminRole(deps, admin, sub, true);
    expect(await recordOf(sub)).toMatchObject({ isAdmin: true });
    await setAdminRole(deps, admin, sub, false);
    expect(await recordOf(sub)).toMatchObject({ isAdmin: false });

    await closeAccount(deps, admin, sub, 'disable', 'Testing the directory');
    expect(await recordOf(sub)).toMatchObject({ status: 'disabled' });
    // An invitation never accepted is still one once enabled again.
    await enableAccount(deps, admin, sub);
    expect(await recordOf(sub)).toMatchObject({ status: 'invited' });

    await closeAccount(deps, admin, sub, 'delete', 'Testing the directory');
    expect(await recordOf(sub)).toBeUndefined();
  });
});
