'use server';

import 'server-only';
import type { ActionResult } from '../../portal/action-result';
import { closeAccount, enableAccount, setAdminRole } from '../account-actions';
import { inviteUser } from '../invite';
import {
  moveCustomerTier,
  removeCustomerFromPlan,
  rotateCustomerKey,
  setCustomerKeyEnabled,
} from '../key-actions';
import {
  adminRoleInput,
  closeAccountInput,
  customerOnlyInput,
  customerPlanInput,
  inviteInput,
  keyToggleInput,
} from '../schemas';
import { adminDeps } from '../server-deps';
import { runAdminAction } from './run';

const here = { returnTo: '/admin/customers' };

export async function setKeyEnabledAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    keyToggleInput,
    async (admin, input) => {
      await setCustomerKeyEnabled(adminDeps(), admin, input);
      return input.enabled
        ? 'Key enabled. The customer has been told.'
        : 'Key disabled: its calls now get 403. The customer sees your reason.';
    },
    here,
  );
}

export async function moveTierAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    customerPlanInput,
    async (admin, input) => {
      const outcome = await moveCustomerTier(adminDeps(), admin, input.sub, input.planId);
      return outcome === 'unchanged' ? 'The customer is already on that plan.' : 'Plan changed.';
    },
    here,
  );
}

export async function removeFromPlanAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    customerPlanInput,
    async (admin, input) => {
      await removeCustomerFromPlan(adminDeps(), admin, input.sub, input.planId);
      return 'Removed from the plan: calls under it now get 403.';
    },
    here,
  );
}

export async function rotateCustomerKeyAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    customerOnlyInput,
    async (admin, input) => {
      const until = await rotateCustomerKey(adminDeps(), admin, input.sub);
      const when = new Date(until).toISOString().replace('T', ' ').slice(0, 16);
      return `Key rotated. The customer reveals the new key on their dashboard; the old one works until ${when} UTC.`;
    },
    here,
  );
}

export async function setAdminRoleAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    adminRoleInput,
    async (admin, input) => {
      await setAdminRole(adminDeps(), admin, input.sub, input.makeAdmin);
      return input.makeAdmin
        ? 'Now an administrator (sessions already open follow within 5 minutes).'
        : 'No longer an administrator (sessions already open follow within 5 minutes).';
    },
    here,
  );
}

export async function closeAccountAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    closeAccountInput,
    async (admin, input) => {
      await closeAccount(adminDeps(), admin, input.sub, input.change, input.reason);
      return input.change === 'delete'
        ? 'Account deleted; its keys were disabled and removed from their plans.'
        : 'Account disabled; its keys were disabled and removed from their plans.';
    },
    here,
  );
}

export async function enableAccountAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    customerOnlyInput,
    async (admin, input) => {
      await enableAccount(adminDeps(), admin, input.sub);
      return 'Account enabled. Its keys stay disabled until you enable one.';
    },
    here,
  );
}

export async function inviteAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    inviteInput,
    async (admin, input) => {
      await inviteUser(adminDeps(), admin, input.email, input.asAdmin === 'on');
      return `Invited ${input.email}: Cognito emails them a temporary password.`;
    },
    here,
  );
}
