import 'server-only';
import { config } from '../config';
import { eventTypes } from '../events/event-types';
import { eventDeps } from '../events/server-deps';
import { listDeliveries } from './deliveries';
import { getEndpoint, listEndpoints, summary } from './endpoints';
import { heldCount } from './held';

/** The webhooks page: endpoints without their secrets, each with what it holds. */
export async function webhooksPageData() {
  const deps = eventDeps();
  const endpoints = await listEndpoints(deps);
  return {
    endpoints: await Promise.all(
      endpoints.map(async (endpoint) => ({
        endpoint: summary(endpoint),
        held: await heldCount(deps, endpoint.id),
      })),
    ),
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
