import type { GatewayClient } from './client';

/**
 * Calls that create something anew each time: sent twice, they leave two of it. The SDK's
 * retries stay on for every other call (reads, and changes that land in the same state when
 * repeated) and for throttling, which API Gateway answers before doing anything.
 */
const notRepeatable = new Set([
  'CreateApiKeyCommand',
  'ImportApiKeysCommand',
  'CreateUsagePlanCommand',
  'ImportRestApiCommand',
  'CreateDeploymentCommand',
]);

/**
 * A call that may or may not have taken effect: API Gateway failed after receiving it (5xx) or
 * the answer never came (timeout, reset). The caller looks before trying again. It carries no
 * `cause`, status or code on purpose, so the SDK's retry strategy sees nothing to retry.
 */
export class UncertainOutcomeError extends Error {
  constructor(
    readonly operation: string,
    readonly original: unknown,
  ) {
    super(
      `API Gateway did not confirm ${operation} (${original instanceof Error ? original.message : String(original)}); it may or may not have happened.`,
    );
    this.name = 'UncertainOutcomeError';
  }
}

const throttled = (error: unknown) => {
  const candidate = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return (
    candidate?.$metadata?.httpStatusCode === 429 || candidate?.name === 'TooManyRequestsException'
  );
};

const answered4xx = (error: unknown) => {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata
    ?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
};

/**
 * Runs on every attempt (after the SDK's retry step): a failed attempt of a call in
 * `notRepeatable` that API Gateway did not plainly refuse (4xx) becomes an
 * UncertainOutcomeError, which ends the retries there.
 */
export function stopBlindRetries(client: GatewayClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const command = String(context.commandName);
        if (!notRepeatable.has(command) || throttled(error) || answered4xx(error)) throw error;
        throw new UncertainOutcomeError(command.replace(/Command$/, ''), error);
      }
    },
    { step: 'finalizeRequest', priority: 'normal', name: 'porticoStopBlindRetries' },
  );
}
