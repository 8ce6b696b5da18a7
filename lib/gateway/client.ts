import { APIGatewayClient, type APIGatewayClientConfig } from '@aws-sdk/client-api-gateway';
import { clientOptions, type ClientSettings } from '../aws/clients';
import { CallBudget } from './call-budget';
import { stopBlindRetries } from './uncertain-outcome';

/**
 * The handle lib/gateway's functions take. Code outside lib/gateway passes it along and never
 * sends a command itself (eslint's no-restricted-imports keeps the SDK inside lib/gateway).
 */
export type GatewayClient = APIGatewayClient;

export const defaultCallsPerSecond = 5;

type Credentials = APIGatewayClientConfig['credentials'];

/**
 * One budget per process and gateway: API Gateway's limit is per account and Region, so every
 * portal client of one gateway shares its budget, and the home gateway's is the default.
 */
const budgets = new Map<string, CallBudget>();
export const homeBudget = 'home';

export function callBudget(
  callsPerSecond = defaultCallsPerSecond,
  gateway: string = homeBudget,
): CallBudget {
  let budget = budgets.get(gateway);
  if (!budget) {
    budget = new CallBudget(callsPerSecond);
    budgets.set(gateway, budget);
  }
  return budget;
}

const isThrottle = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'TooManyRequestsException';

/**
 * The portal's API Gateway client: every attempt (retries included) first takes a token from
 * the process's call budget, and a TooManyRequests answer pauses the budget for everyone.
 */
export function createApiGatewayClient(
  settings: ClientSettings & {
    gatewayCallsPerSecond?: number;
    /** Another gateway than home (./peers): its own budget, and maybe an assumed role. */
    gateway?: string;
    credentials?: Credentials;
  },
): GatewayClient {
  const client = createUnbudgetedApiGatewayClient(settings);
  const budget = callBudget(settings.gatewayCallsPerSecond, settings.gateway);
  client.middlewareStack.add(
    (next) => async (args) => {
      await budget.take();
      try {
        const output = await next(args);
        budget.succeeded();
        return output;
      } catch (error) {
        if (isThrottle(error)) budget.throttled();
        throw error;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'porticoCallBudget' },
  );
  stopBlindRetries(client);
  return client;
}

/**
 * A client outside the portal's budget, for what is not the portal: the local stack's
 * provisioning, the emulator's own tests, benchmarks and tests changing API Gateway behind
 * the portal's back.
 */
export function createUnbudgetedApiGatewayClient(
  settings: ClientSettings & { credentials?: Credentials },
): GatewayClient {
  const options = clientOptions(settings, settings.endpoints?.apiGateway);
  return new APIGatewayClient(
    settings.credentials ? { ...options, credentials: settings.credentials } : options,
  );
}
