/**
 * Who may lose admin rights or their account, decided from the admin group's current members.
 * Pure, so the rules are unit-tested; the use cases apply them while holding the admin lock.
 */
export type AdminChange = 'demote' | 'disable' | 'delete';

const verbs: Record<AdminChange, string> = {
  demote: 'remove your own admin rights',
  disable: 'disable your own account',
  delete: 'delete your own account',
};

/** Why the change is refused, or undefined when it may go ahead. */
export function adminChangeRefusal(
  change: AdminChange,
  actorSub: string,
  targetSub: string,
  enabledAdminSubs: readonly string[],
): string | undefined {
  if (actorSub === targetSub) {
    return `You cannot ${verbs[change]} here: ask another administrator.`;
  }
  const targetIsAdmin = enabledAdminSubs.includes(targetSub);
  if (targetIsAdmin && enabledAdminSubs.length <= 1) {
    return 'This is the last administrator: promote someone else first.';
  }
  return undefined;
}
