import { describe, expect, it } from 'vitest';
import { adminChangeRefusal } from './admin-rules';

describe('adminChangeRefusal', () => {
  it('refuses an admin demoting, disabling or deleting themself', () => {
    for (const change of ['demote', 'disable', 'delete'] as const) {
      expect(adminChangeRefusal(change, 'me', 'me', ['me', 'other'])).toMatch(/your own/);
    }
  });

  it('refuses removing the last admin, whoever asks', () => {
    expect(adminChangeRefusal('demote', 'me', 'only', ['only'])).toMatch(/last administrator/);
    expect(adminChangeRefusal('delete', 'me', 'only', ['only'])).toMatch(/last administrator/);
  });

  it('allows it while another enabled admin remains, and for customers', () => {
    expect(adminChangeRefusal('demote', 'me', 'other', ['me', 'other'])).toBeUndefined();
    expect(adminChangeRefusal('disable', 'me', 'customer', ['me'])).toBeUndefined();
  });
});
