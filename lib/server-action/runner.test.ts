import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { PortalError } from '../portal/errors';

const order: string[] = [];
const admin = { sub: 'admin-sub', email: 'admin@example.com' };
const requireAdmin = vi.fn(async (returnTo?: string) => {
  order.push(`requireAdmin ${returnTo}`);
  return admin;
});
const requireUser = vi.fn(async () => {
  throw new Error('not this one');
});
const revalidatePath = vi.fn((path: string, type?: string) => {
  order.push(`revalidate ${path}${type ? ` ${type}` : ''}`);
});
const redirectError = Object.assign(new Error('NEXT_REDIRECT'), {
  digest: 'NEXT_REDIRECT;replace;/x;307;',
});

vi.mock('../auth/session', () => ({ requireAdmin, requireUser }));
vi.mock('next/cache', () => ({ revalidatePath }));

const { serverAction } = await import('./runner');

const input = z.object({ planId: z.string().regex(/^\w+$/, 'That plan does not exist.') });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

beforeEach(() => {
  order.length = 0;
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('serverAction', () => {
  it('checks the caller, then validates, then runs the use case, then revalidates', async () => {
    const action = serverAction({
      caller: 'admin',
      returnTo: '/admin/plans',
      input,
      run: async (who, { planId }) => {
        order.push(`run ${who.email} ${planId}`);
        return 'Done.';
      },
      revalidate: ['/plans', { layout: '/admin' }, () => order.push('forget caches')],
    });
    await expect(action(undefined, form({ planId: 'gold' }))).resolves.toEqual({
      status: 'success',
      message: 'Done.',
    });
    expect(order).toEqual([
      'requireAdmin /admin/plans',
      'run admin@example.com gold',
      'revalidate /plans',
      'revalidate /admin layout',
      'forget caches',
    ]);
    expect(requireUser).not.toHaveBeenCalled();
  });

  it('answers invalid input with the first problem and each field’s, and runs nothing', async () => {
    const run = vi.fn(async () => 'Done.');
    const action = serverAction({ caller: 'admin', input, run, revalidate: ['/plans'] });
    await expect(action(undefined, form({ planId: 'no such plan!' }))).resolves.toEqual({
      status: 'error',
      message: 'That plan does not exist.',
      fieldErrors: { planId: ['That plan does not exist.'] },
    });
    expect(run).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('shows a refusal as it is, apologises for anything else, and revalidates either way', async () => {
    const refusing = serverAction({
      caller: 'admin',
      input,
      run: async () => {
        throw new PortalError('You are already on this plan.', 'already-subscribed');
      },
      revalidate: ['/plans'],
    });
    await expect(refusing(undefined, form({ planId: 'gold' }))).resolves.toEqual({
      status: 'error',
      message: 'You are already on this plan.',
    });
    const crashing = serverAction({
      caller: 'admin',
      input,
      run: async () => {
        throw new Error('socket hang up');
      },
    });
    await expect(crashing(undefined, form({ planId: 'gold' }))).resolves.toEqual({
      status: 'error',
      message: 'Something went wrong on our side and nothing was changed. Please try again.',
    });
    expect(revalidatePath).toHaveBeenCalledWith('/plans');
  });

  it('lets a redirect from the use case through, after revalidating', async () => {
    const action = serverAction({
      caller: 'admin',
      input,
      run: async () => {
        throw redirectError;
      },
      revalidate: ['/admin/apis'],
    });
    await expect(action(undefined, form({ planId: 'gold' }))).rejects.toBe(redirectError);
    expect(revalidatePath).toHaveBeenCalledWith('/admin/apis');
  });

  it('gives back the non-secret fields with an error when asked, never a password', async () => {
    const action = serverAction({
      caller: 'anyone',
      input: z.object({ email: z.email('Enter an email address.'), password: z.string() }),
      run: async () => 'Done.',
      keepValues: true,
    });
    const result = await action(undefined, form({ email: 'nope', password: 'hunter2' }));
    expect(result).toMatchObject({ status: 'error', values: { email: 'nope' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(requireAdmin).not.toHaveBeenCalled();
    expect(requireUser).not.toHaveBeenCalled();
  });
});
