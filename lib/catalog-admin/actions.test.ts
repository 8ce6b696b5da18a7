import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * Every catalog admin action must check the session before it reads the form or touches the
 * table. requireAdmin is replaced by one that refuses (as forbidden() or a sign-in redirect
 * would, by throwing), and the store's dependencies by a spy that must never be reached.
 */
const refused = new Error('refused by requireAdmin');
const requireAdmin = vi.fn(async () => {
  throw refused;
});
const catalogStoreDeps = vi.fn();

vi.mock('../auth/session', () => ({ requireAdmin }));
vi.mock('../gateway/catalog-store', () => ({ catalogStoreDeps, invalidateCatalogStore: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

beforeEach(() => {
  requireAdmin.mockClear();
  catalogStoreDeps.mockClear();
});

describe('catalog admin server actions', () => {
  it('all call requireAdmin first and do nothing when it refuses', async () => {
    const actions = Object.entries(await import('./actions'));
    expect(actions.map(([name]) => name).sort()).toEqual([
      'deleteSpecAction',
      'saveCatalogSettingsAction',
      'setPublishedAction',
      'uploadSpecAction',
    ]);
    for (const [name, action] of actions) {
      const form = new FormData();
      form.set('entry', 'gateway:abc123:prod');
      form.set('published', 'false');
      form.set('specId', '00000000-0000-4000-8000-000000000001');
      await expect(
        (action as (state: unknown, form: FormData) => Promise<unknown>)({ status: 'idle' }, form),
        name,
      ).rejects.toBe(refused);
    }
    expect(requireAdmin).toHaveBeenCalledTimes(actions.length);
    expect(catalogStoreDeps).not.toHaveBeenCalled();
  });
});
