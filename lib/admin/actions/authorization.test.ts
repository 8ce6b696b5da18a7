import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * Every admin server action must check the session before it reads the form or touches AWS.
 * requireAdmin is replaced by one that refuses (as forbidden() or a sign-in redirect would, by
 * throwing), and the dependencies by a spy that must never be reached.
 */
const refused = new Error('refused by requireAdmin');
const requireAdmin = vi.fn(async () => {
  throw refused;
});
const adminDeps = vi.fn();

vi.mock('../../auth/session', () => ({ requireAdmin }));
vi.mock('../server-deps', () => ({ adminDeps }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const modules = {
  customers: () => import('./customers'),
  plans: () => import('./plans'),
  keys: () => import('./keys'),
  audiences: () => import('../../audiences/actions'),
};

// Importing the action modules (and the SDK clients behind them) is slow on a busy machine;
// it happens once, outside the tests' own timeout.
const loaded: Record<string, Record<string, unknown>> = {};
beforeAll(async () => {
  for (const [name, load] of Object.entries(modules)) loaded[name] = await load();
}, 60_000);

beforeEach(() => {
  requireAdmin.mockClear();
  adminDeps.mockClear();
});

describe('admin server actions', () => {
  for (const name of Object.keys(modules)) {
    it(`in ${name} all call requireAdmin first and do nothing when it refuses`, async () => {
      const actions = Object.entries(loaded[name] ?? {});
      expect(actions.length).toBeGreaterThan(0);
      for (const [actionName, action] of actions) {
        const form = new FormData();
        form.set('sub', 'victim');
        form.set('planId', 'abc123');
        await expect(
          (action as (state: unknown, form: FormData) => Promise<unknown>)(
            { status: 'idle' },
            form,
          ),
          actionName,
        ).rejects.toBe(refused);
      }
      expect(requireAdmin).toHaveBeenCalledTimes(actions.length);
      expect(adminDeps).not.toHaveBeenCalled();
    });
  }
});
