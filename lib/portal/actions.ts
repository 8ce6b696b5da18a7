'use server';

import 'server-only';
import { serverAction, type Revalidation } from '../server-action/runner';
import { formatUtc } from '../format/utc';
import { planInput } from '../validation/gateway-ids';
import { decisionInput, rejectionInput, requestInput } from '../validation/upgrade-requests';
import { z } from 'zod';
import { revealKey, rotateKey } from './keys';
import { portalDeps } from './server-deps';
import { subscribe, unsubscribe } from './subscriptions';
import { approveRequest, cancelRequest, rejectRequest, requestUpgrade } from './upgrade-requests';

/*
 * The caller always comes from the session (never from the form), so a forged plan or request
 * id can only ever act on the caller's own account.
 */
const customerPages: Revalidation[] = ['/dashboard', '/plans'];
const requestPages: Revalidation[] = [...customerPages, '/admin/requests'];
const noInput = z.object({});

const subscribeMessages = {
  subscribed: 'Subscribed. Your API key is on your dashboard.',
  moved: 'Your plan was changed. Your key stays the same.',
  unchanged: 'You are already on this plan.',
};

export const subscribeAction = serverAction({
  caller: 'user',
  returnTo: '/plans',
  input: planInput,
  run: async (user, { planId }) => subscribeMessages[await subscribe(portalDeps(), user, planId)],
  revalidate: customerPages,
});

export const unsubscribeAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard',
  input: planInput,
  run: async (user, { planId }) => {
    await unsubscribe(portalDeps(), user, planId);
    return 'Unsubscribed. Calls under this plan now get 403.';
  },
  revalidate: customerPages,
});

export const requestUpgradeAction = serverAction({
  caller: 'user',
  returnTo: '/plans',
  input: planInput,
  run: async (user, { planId }) => {
    const request = await requestUpgrade(portalDeps(), user, planId);
    return `Requested ${request.toPlanName}. An administrator will decide soon; you will see the outcome on your dashboard.`;
  },
  revalidate: requestPages,
});

export const cancelRequestAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard',
  input: requestInput,
  run: async (user, { requestId }) => {
    await cancelRequest(portalDeps(), user, requestId);
    return 'Your request was withdrawn.';
  },
  revalidate: requestPages,
});

export const revealKeyAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard',
  input: noInput,
  run: async (user) => ({
    status: 'success',
    message: 'Your key is shown below.',
    data: { secret: await revealKey(portalDeps(), user) },
  }),
});

export const rotateKeyAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard',
  input: noInput,
  run: async (user) => {
    const { value, oldKeyWorksUntil } = await rotateKey(portalDeps(), user);
    return {
      status: 'success',
      message: `Your new key is below and is shown only now. The old key works until ${formatUtc(oldKeyWorksUntil)}.`,
      data: { secret: value },
    };
  },
  revalidate: ['/dashboard'],
});

export const approveRequestAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/requests',
  input: decisionInput,
  run: async (admin, { customerSub, requestId }) => {
    await approveRequest(portalDeps(), admin, customerSub, requestId);
    return 'Approved: the customer is on the new plan.';
  },
  revalidate: ['/admin/requests'],
});

export const rejectRequestAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/requests',
  input: rejectionInput,
  run: async (admin, { customerSub, requestId, reason }) => {
    await rejectRequest(portalDeps(), admin, customerSub, requestId, reason);
    return 'Rejected: the customer has been told why.';
  },
  revalidate: ['/admin/requests'],
});
