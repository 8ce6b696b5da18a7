import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type DynamoFaultKind = 'conditional-check' | 'throttling' | 'timeout';

export interface DynamoFaultRule {
  /** The low-level command (`PutItemCommand`, `UpdateItemCommand`, `QueryCommand`, ...). */
  command: string;
  kind: DynamoFaultKind;
  /** Fires on the next N matching calls (default 1). */
  times?: number;
  /** Fires on the Nth matching call only. */
  nth?: number;
  /** Only calls whose input (as given to the document client, unmarshalled) passes. */
  where?: (input: Record<string, unknown>) => boolean;
  /** The write reaches DynamoDB, then the caller hears the error: a lost answer. */
  afterSend?: boolean;
}

interface ActiveRule extends DynamoFaultRule {
  matched: number;
  fired: number;
}

const middlewareName = 'porticoTestDynamoFaults';

/**
 * Fault injection on a real DynamoDB document client: a middleware at the `initialize` step,
 * ahead of the SDK's retries, so each fault is one failed `send` as the portal's code sees it
 * (as when the SDK's own retries gave up). Everything else goes to dynalite untouched.
 */
export function dynamoFaults(client: DynamoDBDocumentClient) {
  const rules: ActiveRule[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args.input ?? {}) as Record<string, unknown>;
      const rule = due(rules, String(context.commandName), input);
      if (!rule) return next(args);
      if (rule.afterSend) await next(args);
      throw faultError(rule.kind);
    },
    { step: 'initialize', name: middlewareName, override: true },
  );
  return {
    add(rule: DynamoFaultRule): void {
      rules.push({ ...rule, matched: 0, fired: 0 });
    },
    /** How many times each rule fired, in the order they were added. */
    fired: () => rules.map((rule) => rule.fired),
    clear(): void {
      rules.splice(0);
    },
  };
}

function due(
  rules: ActiveRule[],
  command: string,
  input: Record<string, unknown>,
): ActiveRule | undefined {
  let firing: ActiveRule | undefined;
  for (const rule of rules) {
    if (rule.command !== command || (rule.where && !rule.where(input))) continue;
    rule.matched += 1;
    const limit = rule.nth === undefined ? (rule.times ?? 1) : 1;
    const onTurn = rule.nth === undefined || rule.matched === rule.nth;
    if (firing || !onTurn || rule.fired >= limit) continue;
    rule.fired += 1;
    firing = rule;
  }
  return firing;
}

function faultError(kind: DynamoFaultKind): Error {
  const $metadata = { httpStatusCode: 400 };
  switch (kind) {
    case 'conditional-check':
      return new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata,
      });
    case 'throttling':
      return new ProvisionedThroughputExceededException({
        message:
          'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
        $metadata,
      });
    case 'timeout':
      return Object.assign(new Error('Connection timed out after 1000 ms'), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
      });
  }
}
