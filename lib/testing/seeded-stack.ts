import { GetRestApisCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, inject } from 'vitest';
import { listAllUsers } from '../admin/cognito-users';
import type { AdminDeps } from '../admin/deps';

/**
 * What the local stack seeds, looked up once in the calling test file's beforeAll: the usage
 * plans by name, the demo admin (as an actor), and a caller of the Weather API's data plane.
 * The objects are filled in place, so a test file can destructure them at its top.
 */
export function seededStack(deps: AdminDeps) {
  const planIds: Record<string, string> = {};
  const admin = { sub: '', email: 'admin@portico.local' };
  let weatherUrl = '';

  beforeAll(async () => {
    const plans = await deps.apiGateway.send(new GetUsagePlansCommand({ limit: 500 }));
    for (const plan of plans.items ?? []) planIds[plan.name!] = plan.id!;
    const apis = await deps.apiGateway.send(new GetRestApisCommand({ limit: 500 }));
    const weather = apis.items!.find((api) => api.name === 'Weather')!;
    weatherUrl = `http://127.0.0.1:${inject('stackEnv').PORTICO_APIGATEWAY_PORT}/restapis/${weather.id}/prod/_user_request_`;
    admin.sub = (await listAllUsers(deps)).find((user) => user.email === admin.email)!.sub;
  });

  /** Calls the Weather API with `key` on the data plane; answers the HTTP status. */
  const callWeather = async (key: string): Promise<number> => {
    const response = await fetch(`${weatherUrl}/cities`, { headers: { 'x-api-key': key } });
    await response.arrayBuffer();
    return response.status;
  };

  return { planIds, admin, callWeather };
}
