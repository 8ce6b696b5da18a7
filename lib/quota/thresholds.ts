/** When a plan has no thresholds of its own: warn at 80%, tell at 100%. */
export const defaultThresholds = [80, 100];

/**
 * The thresholds to announce now: those the usage has reached and that were not announced
 * this period. Only the highest is returned when several are crossed at once (a jump from 50%
 * to 100% says "100%", not "80%" then "100%"), and the lower ones count as announced.
 */
export function thresholdsToAnnounce(
  thresholds: readonly number[],
  percent: number,
  announced: readonly number[],
): { announce?: number; settle: number[] } {
  const reached = thresholds.filter((threshold) => percent >= threshold);
  const fresh = reached.filter((threshold) => !announced.includes(threshold));
  if (fresh.length === 0) return { settle: [] };
  return { announce: Math.max(...fresh), settle: fresh };
}
