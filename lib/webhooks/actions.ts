'use server';

import 'server-only';
import { eventDeps } from '../events/server-deps';
import { serverAction } from '../server-action/runner';
import {
  registerEndpoint,
  removeEndpoint,
  resend,
  rotateEndpointSecret,
  setEndpointState,
} from './manage';
import {
  endpointFormInput,
  endpointIdInput,
  endpointStateInput,
  resendInput,
} from '../validation/webhooks';

const returnTo = '/admin/webhooks';
const revalidate = [{ layout: '/admin/webhooks' }];

/** Checkboxes send one `eventTypes` entry each: joined by commas for the schema. */
const readEndpointForm = (form: FormData) => ({
  url: form.get('url'),
  description: form.get('description') ?? '',
  eventTypes: form.getAll('eventTypes').map(String).join(','),
});

/** The secret comes back once, in the action's answer, and is never shown again. */
export const createEndpointAction = serverAction({
  caller: 'admin',
  returnTo,
  input: endpointFormInput,
  read: readEndpointForm,
  keepValues: true,
  run: async (admin, input) => ({
    status: 'success' as const,
    message: 'Endpoint added. Copy its signing secret now: it is not shown again.',
    data: (await registerEndpoint(eventDeps(), admin, input)).secret,
  }),
  revalidate,
});

export const rotateSecretAction = serverAction({
  caller: 'admin',
  returnTo,
  input: endpointIdInput,
  run: async (admin, { endpointId }) => ({
    status: 'success' as const,
    message: 'New secret made; the old one keeps signing for 24 hours. Copy it now.',
    data: await rotateEndpointSecret(eventDeps(), admin, endpointId),
  }),
  revalidate,
});

export const setEndpointStateAction = serverAction({
  caller: 'admin',
  returnTo,
  input: endpointStateInput,
  run: async (admin, { endpointId, state }) => {
    await setEndpointState(eventDeps(), admin, endpointId, state);
    return state === 'active' ? 'Endpoint resumed.' : 'Endpoint paused.';
  },
  revalidate,
});

export const deleteEndpointAction = serverAction({
  caller: 'admin',
  returnTo,
  input: endpointIdInput,
  run: async (admin, { endpointId }) => {
    await removeEndpoint(eventDeps(), admin, endpointId);
    return 'Endpoint deleted.';
  },
  revalidate,
});

export const resendDeliveryAction = serverAction({
  caller: 'admin',
  returnTo,
  input: resendInput,
  run: async (_admin, { endpointId, delivery }) => {
    await resend(eventDeps(), endpointId, delivery);
    return 'Queued: it is sent within a minute.';
  },
  revalidate,
});
