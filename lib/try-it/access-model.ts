/**
 * Whose key "Try it out" uses on a docs page: a subscriber's own (added by the proxy), or one
 * the visitor pastes because they are signed out or not subscribed to a plan covering the API.
 */
export type TryItAccess = 'subscriber' | 'signed-in' | 'signed-out';

export function accessOf(
  viewer: { currentPlanIds: ReadonlySet<string> } | undefined,
  apiPlanIds: string[],
): TryItAccess {
  if (!viewer) return 'signed-out';
  return apiPlanIds.some((id) => viewer.currentPlanIds.has(id)) ? 'subscriber' : 'signed-in';
}
