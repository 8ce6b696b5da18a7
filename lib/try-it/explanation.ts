import { z } from 'zod';
import { describeQuota, describeThrottle } from '../gateway/plan-wording';
import { nextPeriodStart, quotaOf } from '../usage/quota-window';
import { formatUtc } from '../format/utc';

/** The plan whose limits applied to the call, when the portal knows it (a subscriber's key). */
export const explainedPlanSchema = z.object({
  name: z.string(),
  throttle: z.object({ rateLimit: z.number().optional(), burstLimit: z.number().optional() }),
  quota: z.unknown().optional(),
});
export type ExplainedPlan = z.infer<typeof explainedPlanSchema>;

export type KeySource = 'subscription' | 'pasted' | 'none';

export interface AnswerToExplain {
  status: number;
  /** The body as text, when it is text. */
  body: string | undefined;
  keySource: KeySource;
  keyLocation: { in: 'header' | 'query'; name: string };
  plan?: ExplainedPlan;
  now: number;
}

const gatewayMessage = z.object({ message: z.string() });

function messageOf(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = gatewayMessage.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Words for API Gateway's own refusals, which say little ("Forbidden", "Limit Exceeded"): what
 * went wrong with the key or the plan, and what to do. Undefined for the API's own answers.
 */
export function explainAnswer(answer: AnswerToExplain): string | undefined {
  const message = messageOf(answer.body);
  const { plan, keySource } = answer;
  const where =
    answer.keyLocation.in === 'header'
      ? `the \`${answer.keyLocation.name}\` header`
      : `the \`${answer.keyLocation.name}\` query parameter`;

  if (answer.status === 403 && message === 'Forbidden') {
    const sent =
      keySource === 'none'
        ? ` No key was sent: subscribe to a plan, or paste your key (it goes in ${where}).`
        : '';
    return `API Gateway refused the call: this key is missing, disabled or not subscribed to a plan covering this API.${sent}`;
  }
  if (answer.status === 403 && message === 'Missing Authentication Token')
    return 'API Gateway has no such resource or method on this stage: check the path and the HTTP method.';
  if (answer.status === 401 && message === 'Unauthorized')
    return `The API's authorizer found no key: it reads it from ${where}.`;
  if (answer.status === 429 && message === 'Too Many Requests') {
    const limits = plan
      ? `${plan.name} allows ${describeThrottle(plan.throttle)}`
      : "this key's plan allows";
    return `Too many requests in a short time: ${limits}. Wait a second and try again.`;
  }
  if (answer.status === 429 && message === 'Limit Exceeded') {
    const quota = plan ? quotaOf(plan.quota) : undefined;
    if (!plan || !quota)
      return "This key has used up its plan's quota for the current period; it is available again when the period resets (quota periods are UTC).";
    return `This key has used up ${plan.name}'s quota (${describeQuota(quota)}). It resets at ${formatUtc(nextPeriodStart(quota, answer.now))}.`;
  }
  if (answer.status === 504 && message === 'Endpoint request timed out')
    return "The API's backend did not answer within API Gateway's integration timeout (at most 29 seconds).";
  if ((answer.status === 502 || answer.status === 500) && message === 'Internal server error')
    return "API Gateway could not get an answer from the API's backend: this is a problem on the API's side, not with your key.";
  if (answer.status >= 300 && answer.status < 400)
    return 'The API answered with a redirect, which the console shows instead of following.';
  return undefined;
}
