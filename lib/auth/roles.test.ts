import { describe, expect, it } from 'vitest';
import { isAdmin, rolesOf } from './roles';

describe('roles from cognito:groups', () => {
  it('makes members of the admin group admins', () => {
    expect(rolesOf(['portal-admins'], 'portal-admins')).toEqual(['customer', 'admin']);
    expect(isAdmin(['billing', 'portal-admins'], 'portal-admins')).toBe(true);
  });

  it('leaves everyone else a customer', () => {
    expect(rolesOf([], 'portal-admins')).toEqual(['customer']);
    expect(isAdmin(['admins', 'Portal-Admins', 'portal-admins-2'], 'portal-admins')).toBe(false);
  });

  it('follows the configured group name', () => {
    expect(isAdmin(['staff'], 'staff')).toBe(true);
    expect(isAdmin(['portal-admins'], 'staff')).toBe(false);
  });
});
