import { describe, expect, it } from 'vitest';
import { accessDecision, needsSession } from './access-rules';

function decide(path: string, signedIn: boolean) {
  return accessDecision(new URL(path, 'http://localhost:3000'), signedIn);
}

describe('accessDecision', () => {
  it('lets anyone through public pages', () => {
    for (const path of ['/', '/apis', '/plans', '/sign-in', '/accounts', '/administrators'])
      expect(decide(path, false), path).toEqual({ kind: 'allow' });
  });

  it('sends signed-out visitors of protected pages to sign in, and back afterwards', () => {
    expect(decide('/account', false)).toEqual({
      kind: 'sign-in',
      location: '/sign-in?callbackUrl=%2Faccount',
    });
    expect(decide('/dashboard/keys?plan=gold', false)).toEqual({
      kind: 'sign-in',
      location: '/sign-in?callbackUrl=%2Fdashboard%2Fkeys%3Fplan%3Dgold',
    });
    expect(decide('/admin', false)).toMatchObject({ kind: 'sign-in' });
  });

  it('leaves roles to the server: a session cookie may carry groups from before a change', () => {
    expect(decide('/admin/requests', true)).toEqual({ kind: 'allow' });
    expect(decide('/account', true)).toEqual({ kind: 'allow' });
    expect(needsSession('/admin/requests')).toBe(true);
    expect(needsSession('/administrators')).toBe(false);
  });
});
