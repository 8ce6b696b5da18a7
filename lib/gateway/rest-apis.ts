import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import type { GatewayClient } from './client';
import { allPages } from './pagination';
import { reshapeAll, reshapeRestApi } from './reshape';
import type { GatewayRestApi } from './types';

/** Every REST API in the account: one call per 500. */
export async function fetchRestApis(client: GatewayClient): Promise<GatewayRestApi[]> {
  const apis = await allPages((position) =>
    client.send(new GetRestApisCommand({ limit: 500, position })),
  );
  return reshapeAll(apis, reshapeRestApi);
}
