'use server';

import 'server-only';
import { runAdminAction } from '../admin/actions/run';
import { eventDeps } from '../events/server-deps';
import type { ActionResult } from '../portal/action-result';
import {
  registerEndpoint,
  removeEndpoint,
  resend,
  rotateEndpointSecret,
  setEndpointState,
} from './manage';
import { endpointIdInput, endpointStateInput, endpointFormInput, resendInput } from './schemas';

const returnTo = { returnTo: '/admin/webhooks' };

/** The secret comes back once, in the action's answer, and is never shown again. */
function withSecret(result: ActionResult, secret: string | undefined): ActionResult {
  return result.status === 'success' && secret ? { ...result, secret } : result;
}

/** Checkboxes send one `eventTypes` entry each; the runner reads one value per name. */
function joinEventTypes(form: FormData): FormData {
  const joined = new FormData();
  for (const [name, value] of form.entries()) if (name !== 'eventTypes') joined.set(name, value);
  joined.set('eventTypes', form.getAll('eventTypes').map(String).join(','));
  return joined;
}

export async function createEndpointAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  let secret: string | undefined;
  const result = await runAdminAction(
    joinEventTypes(form),
    endpointFormInput,
    async (admin, input) => {
      secret = (await registerEndpoint(eventDeps(), admin, input)).secret;
      return 'Endpoint added. Copy its signing secret now: it is not shown again.';
    },
    returnTo,
  );
  return withSecret(result, secret);
}

export async function rotateSecretAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  let secret: string | undefined;
  const result = await runAdminAction(
    form,
    endpointIdInput,
    async (admin, { endpointId }) => {
      secret = await rotateEndpointSecret(eventDeps(), admin, endpointId);
      return 'New secret made; the old one keeps signing for 24 hours. Copy it now.';
    },
    returnTo,
  );
  return withSecret(result, secret);
}

export async function setEndpointStateAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAdminAction(
    form,
    endpointStateInput,
    async (admin, { endpointId, state }) => {
      await setEndpointState(eventDeps(), admin, endpointId, state);
      return state === 'active' ? 'Endpoint resumed.' : 'Endpoint paused.';
    },
    returnTo,
  );
}

export async function deleteEndpointAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAdminAction(
    form,
    endpointIdInput,
    async (admin, { endpointId }) => {
      await removeEndpoint(eventDeps(), admin, endpointId);
      return 'Endpoint deleted.';
    },
    returnTo,
  );
}

export async function resendDeliveryAction(
  _state: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAdminAction(
    form,
    resendInput,
    async (_admin, { endpointId, delivery }) => {
      await resend(eventDeps(), endpointId, delivery);
      return 'Queued: it is sent within a minute.';
    },
    returnTo,
  );
}
