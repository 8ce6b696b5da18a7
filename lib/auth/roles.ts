/** What the portal lets someone do, derived from the verified `cognito:groups` claim only. */
export type Role = 'customer' | 'admin';

export function rolesOf(groups: readonly string[], adminGroup: string): Role[] {
  return groups.includes(adminGroup) ? ['customer', 'admin'] : ['customer'];
}

export function isAdmin(groups: readonly string[], adminGroup: string): boolean {
  return rolesOf(groups, adminGroup).includes('admin');
}
