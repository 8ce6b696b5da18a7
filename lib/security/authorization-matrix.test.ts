import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appRoutes, inlineServerActions, serverActionModules } from '../testing/app-surface';
import {
  actionMatrix,
  expectedOutcome,
  personas,
  routeMatrix,
  type Outcome,
  type Persona,
} from '../testing/authorization-matrix';

/*
 * Every server action × six personas. The session module is replaced by one that answers as
 * the persona's session would after the server's checks (live-sessions.int.test.ts and
 * accounts.int.test.ts prove those: a disabled account's session ends, a demoted admin's
 * groups lose the admin group). Its guards stop the action with a sentinel either way, so
 * nothing past the guard runs and the test sees which guard the action used.
 */
class SentToSignIn extends Error {}
class Forbidden extends Error {}
class GuardPassed extends Error {}

const adminGroup = 'portal-admins';
let persona: Persona = 'anonymous';

function sessionOf(who: Persona) {
  if (who === 'anonymous' || who === 'disabled account') return null;
  const isAdmin = who === 'admin';
  const sub = who === 'another customer' ? 'sub-other' : `sub-${who.replace(' ', '-')}`;
  return {
    sub,
    username: sub,
    email: `${sub}@example.test`,
    groups: isAdmin ? [adminGroup] : [],
    isAdmin,
    accessToken: 'token',
  };
}

const guards = vi.hoisted(() => ({
  requireUser: vi.fn(),
  requireAdmin: vi.fn(),
  currentUser: vi.fn(),
}));

vi.mock('../auth/session', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...guards,
}));

beforeEach(() => {
  guards.requireUser.mockImplementation(async () => {
    if (!sessionOf(persona)) throw new SentToSignIn();
    throw new GuardPassed();
  });
  guards.requireAdmin.mockImplementation(async () => {
    const session = sessionOf(persona);
    if (!session) throw new SentToSignIn();
    if (!session.isAdmin) throw new Forbidden();
    throw new GuardPassed();
  });
  guards.currentUser.mockImplementation(async () => sessionOf(persona));
});

async function outcomeOf(action: (state: unknown, form: FormData) => Promise<unknown>) {
  try {
    await action({ status: 'idle' }, new FormData());
  } catch (error) {
    if (error instanceof SentToSignIn) return 'sign-in';
    if (error instanceof Forbidden) return 'forbidden';
    if (error instanceof GuardPassed) return 'allowed';
  }
  return 'unguarded';
}

describe('the authorization matrix covers the whole app', () => {
  it('has a row for every page and route handler, and none for what is gone', () => {
    const patterns = appRoutes().map((route) => route.pattern);
    expect(
      patterns.filter((pattern) => !(pattern in routeMatrix)),
      'routes without a row',
    ).toEqual([]);
    expect(
      Object.keys(routeMatrix).filter((pattern) => !patterns.includes(pattern)),
      'rows without a route',
    ).toEqual([]);
  });

  it('has a row for every server action, and none for what is gone', () => {
    const names = serverActionModules().flatMap((found) => found.exports);
    expect(new Set(names).size, 'server action names are unique').toBe(names.length);
    expect(
      names.filter((name) => !(name in actionMatrix)),
      'actions without a row',
    ).toEqual([]);
    expect(
      Object.keys(actionMatrix).filter((name) => !names.includes(name)),
      'rows without an action',
    ).toEqual([]);
  });

  it("finds no inline 'use server' functions, which it could not see", () => {
    expect(inlineServerActions()).toEqual([]);
  });
});

describe('every server action × every persona', () => {
  const actions = new Map<string, unknown>();

  beforeAll(async () => {
    for (const actionModule of serverActionModules()) {
      const loaded = (await import(
        /* @vite-ignore */ join(process.cwd(), actionModule.file)
      )) as Record<string, unknown>;
      for (const name of actionModule.exports) actions.set(name, loaded[name]);
    }
  }, 60_000);

  it.each(personas)('%s', async (who) => {
    persona = who;
    const outcomes: Record<string, Outcome | 'unguarded'> = {};
    const expected: Record<string, Outcome | 'unguarded'> = {};
    for (const [name, action] of actions) {
      if (typeof action !== 'function') continue;
      const audience = actionMatrix[name];
      if (!audience) continue;
      outcomes[name] = await outcomeOf(action as Parameters<typeof outcomeOf>[0]);
      // Public actions call no guard: they must simply not be stopped by one.
      expected[name] = audience === 'public' ? 'unguarded' : expectedOutcome(audience, who);
    }
    expect(Object.keys(outcomes).length).toBe(Object.keys(actionMatrix).length);
    expect(outcomes).toEqual(expected);
  });
});
