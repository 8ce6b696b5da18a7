/**
 * The quota calendar (UTC days; WEEK offset 0 = Sunday, MONTH offset 0 = the 1st) is the
 * portal's own, so the emulator and the usage pages can never disagree on when a period starts.
 */
export { nextPeriodStart, periodStart } from '../../../lib/usage/quota-window';
export { dayMs, startOfUtcDay, utcDay } from '../../../lib/usage/utc-days';
