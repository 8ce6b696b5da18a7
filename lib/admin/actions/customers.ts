'use server';

import 'server-only';
import { formatUtc } from '../../format/utc';
import { serverAction } from '../../server-action/runner';
import {
  adminRoleInput,
  closeAccountInput,
  customerOnlyInput,
  customerPlanInput,
  inviteInput,
  keyToggleInput,
} from '../../validation/admin';
import { closeAccount, enableAccount, setAdminRole } from '../customer-accounts';
import {
  moveCustomerTier,
  removeCustomerFromPlan,
  rotateCustomerKey,
  setCustomerKeyEnabled,
} from '../customer-keys';
import { inviteUser } from '../invite';
import { adminPages } from '../revalidation';
import { adminDeps } from '../server-deps';

const returnTo = '/admin/customers';

export const setKeyEnabledAction = serverAction({
  caller: 'admin',
  returnTo,
  input: keyToggleInput,
  run: async (admin, input) => {
    await setCustomerKeyEnabled(adminDeps(), admin, input);
    return input.enabled
      ? 'Key enabled. The customer has been told.'
      : 'Key disabled: its calls now get 403. The customer sees your reason.';
  },
  revalidate: adminPages,
});

export const moveTierAction = serverAction({
  caller: 'admin',
  returnTo,
  input: customerPlanInput,
  run: async (admin, { sub, planId }) => {
    const outcome = await moveCustomerTier(adminDeps(), admin, sub, planId);
    return outcome === 'unchanged' ? 'The customer is already on that plan.' : 'Plan changed.';
  },
  revalidate: adminPages,
});

export const removeFromPlanAction = serverAction({
  caller: 'admin',
  returnTo,
  input: customerPlanInput,
  run: async (admin, { sub, planId }) => {
    await removeCustomerFromPlan(adminDeps(), admin, sub, planId);
    return 'Removed from the plan: calls under it now get 403.';
  },
  revalidate: adminPages,
});

export const rotateCustomerKeyAction = serverAction({
  caller: 'admin',
  returnTo,
  input: customerOnlyInput,
  run: async (admin, { sub }) => {
    const until = await rotateCustomerKey(adminDeps(), admin, sub);
    return `Key rotated. The customer reveals the new key on their dashboard; the old one works until ${formatUtc(until)}.`;
  },
  revalidate: adminPages,
});

export const setAdminRoleAction = serverAction({
  caller: 'admin',
  returnTo,
  input: adminRoleInput,
  run: async (admin, { sub, makeAdmin }) => {
    await setAdminRole(adminDeps(), admin, sub, makeAdmin);
    return makeAdmin
      ? 'Now an administrator (sessions already open follow from their next page).'
      : 'No longer an administrator (sessions already open follow from their next page).';
  },
  revalidate: adminPages,
});

export const closeAccountAction = serverAction({
  caller: 'admin',
  returnTo,
  input: closeAccountInput,
  run: async (admin, { sub, change, reason }) => {
    await closeAccount(adminDeps(), admin, sub, change, reason);
    return change === 'delete'
      ? 'Account deleted; its keys were disabled and removed from their plans.'
      : 'Account disabled; its keys were disabled and removed from their plans.';
  },
  revalidate: adminPages,
});

export const enableAccountAction = serverAction({
  caller: 'admin',
  returnTo,
  input: customerOnlyInput,
  run: async (admin, { sub }) => {
    await enableAccount(adminDeps(), admin, sub);
    return 'Account enabled. Its keys stay disabled until you enable one.';
  },
  revalidate: adminPages,
});

export const inviteAction = serverAction({
  caller: 'admin',
  returnTo,
  input: inviteInput,
  run: async (admin, { email, asAdmin }) => {
    await inviteUser(adminDeps(), admin, email, asAdmin === 'on');
    return `Invited ${email}: Cognito emails them a temporary password.`;
  },
  revalidate: adminPages,
});
