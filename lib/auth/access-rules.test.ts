import { describe, expect, it } from 'vitest';
import { accessDecision } from './access-rules';

const customer = { groups: [] };
const admin = { groups: ['portal-admins'] };

function decide(path: string, session: { groups: string[] } | null) {
  const url = new URL(path, 'http://localhost:3000');
  return accessDecision(url, session, 'portal-admins');
}

describe('accessDecision', () => {
  it('lets anyone through public pages', () => {
    for (const path of ['/', '/apis', '/plans', '/sign-in', '/accounts', '/administrators'])
      expect(decide(path, null), path).toEqual({ kind: 'allow' });
  });

  it('sends signed-out visitors of protected pages to sign in, and back afterwards', () => {
    expect(decide('/account', null)).toEqual({
      kind: 'sign-in',
      location: '/sign-in?callbackUrl=%2Faccount',
    });
    expect(decide('/dashboard/keys?plan=gold', null)).toEqual({
      kind: 'sign-in',
      location: '/sign-in?callbackUrl=%2Fdashboard%2Fkeys%3Fplan%3Dgold',
    });
    expect(decide('/admin', null)).toMatchObject({ kind: 'sign-in' });
  });

  it('lets customers into their pages but not the admin area', () => {
    expect(decide('/account', customer)).toEqual({ kind: 'allow' });
    expect(decide('/dashboard', customer)).toEqual({ kind: 'allow' });
    expect(decide('/admin', customer)).toEqual({ kind: 'forbidden' });
    expect(decide('/admin/requests', customer)).toEqual({ kind: 'forbidden' });
  });

  it('lets admins in everywhere', () => {
    expect(decide('/admin/requests', admin)).toEqual({ kind: 'allow' });
    expect(decide('/account', admin)).toEqual({ kind: 'allow' });
  });
});
