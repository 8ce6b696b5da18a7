import 'server-only';
import { config } from '../config';
import { eventTypes } from '../events/event-types';
import { eventDeps } from '../events/server-deps';
import { listDeliveries } from './deliveries';
import { getEndpoint, listEndpoints, summary } from './endpoints';

/** The webhooks page: endpoints without their secrets. */
export async function webhooksPageData() {
  const endpoints = await listEndpoints(eventDeps());
  return {
    endpoints: endpoints.map(summary),
    eventTypes,
    httpLocalhost: config().webhooks.allowLoopbackHttp,
  };
}

export async function endpointPageData(id: string) {
  const deps = eventDeps();
  const endpoint = await getEndpoint(deps, id);
  if (!endpoint) return undefined;
  return { endpoint: summary(endpoint), deliveries: await listDeliveries(deps, id) };
}
