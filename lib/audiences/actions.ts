'use server';

import 'server-only';
import { requireCustomer } from '../admin/customer-lookup';
import { adminPages } from '../admin/revalidation';
import { adminDeps } from '../admin/server-deps';
import { serverAction } from '../server-action/runner';
import { audienceInput, audienceMemberInput, audienceRemovalInput } from '../validation/audiences';
import { addAudienceMember, createAudience, removeAudienceMember, renameAudience } from './groups';

const returnTo = '/admin/audiences';

export const createAudienceAction = serverAction({
  caller: 'admin',
  returnTo,
  input: audienceInput,
  run: async (admin, input) => {
    await createAudience(adminDeps(), admin, input);
    return `${input.name} created. Choose it on an API or a plan to limit who sees them.`;
  },
  revalidate: adminPages,
});

export const renameAudienceAction = serverAction({
  caller: 'admin',
  returnTo,
  input: audienceInput,
  run: async (admin, input) => {
    await renameAudience(adminDeps(), admin, input);
    return `Renamed to ${input.name}.`;
  },
  revalidate: adminPages,
});

export const addAudienceMemberAction = serverAction({
  caller: 'admin',
  returnTo,
  input: audienceMemberInput,
  run: async (admin, { id, email }) => {
    const user = await addAudienceMember(adminDeps(), admin, id, email);
    return `${user.email} added. They see it from their next page.`;
  },
  revalidate: adminPages,
});

export const removeAudienceMemberAction = serverAction({
  caller: 'admin',
  returnTo,
  input: audienceRemovalInput,
  run: async (admin, { id, sub }) => {
    const deps = adminDeps();
    const member = await requireCustomer(deps, sub);
    await removeAudienceMember(deps, admin, id, member);
    return `${member.email} removed.`;
  },
  revalidate: adminPages,
});
