'use server';

import 'server-only';
import { z } from 'zod';
import { runAdminAction } from '../admin/actions/run';
import { requireCustomer } from '../admin/customer-lookup';
import { adminDeps } from '../admin/server-deps';
import type { ActionResult } from '../portal/action-result';
import { customerSubSchema } from '../usage/customer-param';
import { audienceIdSchema } from './audience';
import { addAudienceMember, createAudience, removeAudienceMember, renameAudience } from './groups';

const here = { returnTo: '/admin/audiences' };
const audienceName = z
  .string()
  .trim()
  .min(2, 'Give the audience a name of at least 2 characters.')
  .max(80, 'An audience name has at most 80 characters.');
const audienceInput = z.object({ id: audienceIdSchema, name: audienceName });
const memberInput = z.object({
  id: audienceIdSchema,
  email: z.email('Enter the customer’s email address.').trim().toLowerCase(),
});
const removalInput = z.object({ id: audienceIdSchema, sub: customerSubSchema });

export async function createAudienceAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    audienceInput,
    async (admin, input) => {
      await createAudience(adminDeps(), admin, input);
      return `${input.name} created. Choose it on an API or a plan to limit who sees them.`;
    },
    here,
  );
}

export async function renameAudienceAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    audienceInput,
    async (admin, input) => {
      await renameAudience(adminDeps(), admin, input);
      return `Renamed to ${input.name}.`;
    },
    here,
  );
}

export async function addAudienceMemberAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    memberInput,
    async (admin, input) => {
      const user = await addAudienceMember(adminDeps(), admin, input.id, input.email);
      return `${user.email} added. They see it from their next page, within 5 minutes.`;
    },
    here,
  );
}

export async function removeAudienceMemberAction(_s: ActionResult, form: FormData) {
  return runAdminAction(
    form,
    removalInput,
    async (admin, input) => {
      const deps = adminDeps();
      const member = await requireCustomer(deps, input.sub);
      await removeAudienceMember(deps, admin, input.id, member);
      return `${member.email} removed.`;
    },
    here,
  );
}
