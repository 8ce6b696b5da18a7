'use server';

import 'server-only';
import { adminDeps } from '../admin/server-deps';
import { serverAction, type Revalidation } from '../server-action/runner';
import { offerInput, requestInput } from '../validation/upgrade-requests';
import { portalDeps } from './server-deps';
import { acceptOffer, declineOffer, offerUpgrade } from './upgrade-offers';

/*
 * An offer is made by an admin for the customer named in the form; it is answered by the
 * signed-in customer, whose own offers are the only ones their session can find.
 */
const customerPages: Revalidation[] = ['/dashboard', '/dashboard/notifications', '/plans'];

export const offerUpgradeAction = serverAction({
  caller: 'admin',
  returnTo: '/admin/usage',
  input: offerInput,
  run: async (admin, { customerSub, planId }) => {
    const offer = await offerUpgrade(adminDeps(), admin, customerSub, planId);
    return `Offered ${offer.toPlanName} to ${offer.customerEmail}; they are told by mail and on their dashboard.`;
  },
  revalidate: ['/admin/usage'],
});

export const acceptOfferAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard',
  input: requestInput,
  run: async (user, { requestId }) => {
    const offer = await acceptOffer(portalDeps(), user, requestId);
    return `You are on ${offer.toPlanName} now. Your key stays the same.`;
  },
  revalidate: customerPages,
});

export const declineOfferAction = serverAction({
  caller: 'user',
  returnTo: '/dashboard',
  input: requestInput,
  run: async (user, { requestId }) => {
    const offer = await declineOffer(portalDeps(), user, requestId);
    return `You declined ${offer.toPlanName}; your plans stay as they are.`;
  },
  revalidate: customerPages,
});
