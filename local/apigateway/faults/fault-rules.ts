import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiGatewayError, type ApiGatewayErrorType } from '../errors';

/** The errors a rule can inject: the ones real API Gateway answers now and then. */
export const injectableErrors = [
  'TooManyRequestsException',
  'ServiceUnavailableException',
  'ConflictException',
  'NotFoundException',
] as const satisfies readonly ApiGatewayErrorType[];

const defaultMessages: Record<(typeof injectableErrors)[number], string> = {
  TooManyRequestsException: 'Too Many Requests',
  ServiceUnavailableException: 'Service Unavailable',
  ConflictException: 'Conflict (injected fault)',
  NotFoundException: 'Not Found (injected fault)',
};

export const faultRuleInput = z
  .strictObject({
    /** The AWS operation name, as `/_emulator/stats` counts it (`CreateUsagePlanKey`). */
    operation: z.string().min(1),
    error: z.enum(injectableErrors).optional(),
    message: z.string().min(1).max(500).optional(),
    /** Holds the answer back this long (alone: a slow call; with `error`: a slow failure). */
    delayMs: z.number().int().min(0).max(60_000).optional(),
    /** Fires on the next `times` matching calls (default 1). */
    times: z.number().int().positive().optional(),
    /** Fires on the `nth` matching call only (the earlier ones pass). */
    nth: z.number().int().positive().optional(),
    /** Only calls that name this API key (path, `keyId` query or body, tagged key ARN). */
    keyId: z.string().min(1).optional(),
    /** Only calls that name this usage plan. */
    usagePlanId: z.string().min(1).optional(),
    /**
     * The call takes effect, then the error is answered: a lost answer, as after a timeout,
     * which is what makes blind retries of non-idempotent calls dangerous.
     */
    afterChange: z.boolean().optional(),
  })
  .refine((rule) => rule.error !== undefined || rule.delayMs !== undefined, {
    message: 'A rule needs an error, a delayMs or both',
  })
  .refine((rule) => rule.times === undefined || rule.nth === undefined, {
    message: 'Give times or nth, not both',
  })
  .refine((rule) => !rule.afterChange || rule.error !== undefined, {
    message: 'afterChange needs an error',
  });

export type FaultRuleInput = z.infer<typeof faultRuleInput>;

export interface FaultRule extends FaultRuleInput {
  id: string;
  /** Matching calls seen so far. */
  matched: number;
  /** How many more times it will fire; 0 once spent (kept so tests can see it fired). */
  remaining: number;
}

/** What one control-plane call names, for matching rules. */
export interface FaultTarget {
  operation: string;
  ids: Set<string>;
}

/** What the server does to one call: wait, then fail before or after applying it. */
export interface Fault {
  delayMs: number;
  error?: ApiGatewayError;
  afterChange: boolean;
}

/** The emulator's fault rules, in the order they were added. */
export class FaultRules {
  private rules: FaultRule[] = [];

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...input, id: randomUUID(), matched: 0, remaining: input.times ?? 1 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** Counts the call against every matching rule; the first one due fires. */
  faultFor(target: FaultTarget): Fault | undefined {
    let fired: FaultRule | undefined;
    for (const rule of this.rules) {
      if (!matches(rule, target)) continue;
      rule.matched += 1;
      const due = rule.remaining > 0 && (rule.nth === undefined || rule.matched === rule.nth);
      if (!due || fired) continue;
      rule.remaining -= 1;
      fired = rule;
    }
    if (!fired) return undefined;
    return {
      delayMs: fired.delayMs ?? 0,
      afterChange: fired.afterChange ?? false,
      ...(fired.error
        ? {
            error: new ApiGatewayError(fired.error, fired.message ?? defaultMessages[fired.error]),
          }
        : {}),
    };
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  return (
    rule.operation === target.operation &&
    (rule.keyId === undefined || target.ids.has(rule.keyId)) &&
    (rule.usagePlanId === undefined || target.ids.has(rule.usagePlanId))
  );
}

/**
 * The ids a call names: path parameters (a tag call's ARN by its last segment), `keyId` in the
 * query string, `keyId` and `usagePlanId` in a JSON body.
 */
export function idsOfCall(
  params: Record<string, string>,
  query: URLSearchParams,
  rawBody: Buffer | undefined,
): Set<string> {
  const ids = new Set<string>();
  for (const value of Object.values(params)) {
    ids.add(value);
    const lastSegment = value.split('/').pop();
    if (lastSegment) ids.add(lastSegment);
  }
  const queried = query.get('keyId');
  if (queried) ids.add(queried);
  const { keyId, usagePlanId } = bodyIds(rawBody);
  for (const value of [keyId, usagePlanId]) if (value) ids.add(value);
  return ids;
}

const bodyIdsSchema = z.looseObject({
  keyId: z.string().optional(),
  usagePlanId: z.string().optional(),
});

function bodyIds(rawBody: Buffer | undefined): z.infer<typeof bodyIdsSchema> {
  if (!rawBody?.length) return {};
  try {
    const parsed = bodyIdsSchema.safeParse(JSON.parse(rawBody.toString('utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    // Not JSON (an OpenAPI or CSV import): no ids in it.
    return {};
  }
}
