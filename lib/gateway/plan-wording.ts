export interface ThrottleWords {
  rateLimit?: number;
  burstLimit?: number;
}

export interface QuotaWords {
  limit?: number;
  period?: string;
  offset?: number;
}

const numbers = new Intl.NumberFormat('en-US');
const plural = (count: number, word: string) =>
  `${numbers.format(count)} ${word}${count === 1 ? '' : 's'}`;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "10 requests per second, bursts of 20" */
export function describeThrottle(throttle: ThrottleWords | undefined): string {
  if (!throttle?.rateLimit && !throttle?.burstLimit) return 'No rate limit';
  const parts: string[] = [];
  if (throttle.rateLimit) parts.push(`${plural(throttle.rateLimit, 'request')} per second`);
  if (throttle.burstLimit) parts.push(`bursts of ${numbers.format(throttle.burstLimit)}`);
  return parts.join(', ');
}

/**
 * "10,000 requests per month, resets on the 1st at 00:00 UTC". Quota periods are UTC and
 * `offset` is the day the period starts, as API Gateway's QuotaSettings defines it: for a WEEK
 * 0 is Sunday and 1 is Monday; for a MONTH 0 is the 1st.
 */
export function describeQuota(quota: QuotaWords | undefined): string {
  if (!quota?.limit || !quota.period) return 'No quota';
  const offset = quota.offset ?? 0;
  const amount = plural(quota.limit, 'request');
  switch (quota.period) {
    case 'DAY':
      return `${amount} per day, resets daily at 00:00 UTC`;
    case 'WEEK':
      return `${amount} per week, resets on ${weekdays[offset % 7]} at 00:00 UTC`;
    case 'MONTH':
      return `${amount} per month, resets on the ${ordinal(offset + 1)} at 00:00 UTC`;
    default:
      return `${amount} per ${quota.period.toLowerCase()}`;
  }
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}
