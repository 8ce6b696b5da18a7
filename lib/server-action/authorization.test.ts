import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * Every server action checks who is calling before it reads the form or touches AWS. The
 * session guards are replaced by ones that refuse (as forbidden() or a sign-in redirect would,
 * by throwing), and every dependency factory by a spy that must never be reached. The form is
 * one every action would accept, so an action that skipped its guard would reach them.
 */
const adminRefused = new Error('refused by requireAdmin');
const userRefused = new Error('refused by requireUser');
const requireAdmin = vi.fn(async () => {
  throw adminRefused;
});
const requireUser = vi.fn(async () => {
  throw userRefused;
});
const portalDeps = vi.fn();
const adminDeps = vi.fn();
const catalogStoreDeps = vi.fn();
const guideStoreDeps = vi.fn();
const eventDeps = vi.fn();

vi.mock('../auth/session', () => ({ requireAdmin, requireUser }));
vi.mock('../portal/server-deps', () => ({ portalDeps }));
vi.mock('../admin/server-deps', () => ({ adminDeps }));
vi.mock('../events/server-deps', () => ({ eventDeps }));
vi.mock('../gateway/catalog-store', () => ({ catalogStoreDeps, invalidateCatalogStore: vi.fn() }));
vi.mock('../guides/published', () => ({ guideStoreDeps, forgetGuides: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const admin = 'admin';
const user = 'user';
/** Signed out on purpose (account forms, a mail's signed unsubscribe link): nothing to refuse. */
const anyone = 'anyone';

/** Every action module, and who may call each of its actions: a new action must be listed. */
const modules = {
  'auth/actions/sign-up': {
    load: () => import('../auth/actions/sign-up'),
    callers: { signUpAction: anyone },
  },
  'auth/actions/confirm': {
    load: () => import('../auth/actions/confirm'),
    callers: { confirmAction: anyone, resendCodeAction: anyone },
  },
  'auth/actions/reset-password': {
    load: () => import('../auth/actions/reset-password'),
    callers: { forgotPasswordAction: anyone, resetPasswordAction: anyone },
  },
  'auth/actions/account': {
    load: () => import('../auth/actions/account'),
    callers: { changePasswordAction: user, deleteAccountAction: user },
  },
  'portal/actions': {
    load: () => import('../portal/actions'),
    callers: {
      subscribeAction: user,
      unsubscribeAction: user,
      requestUpgradeAction: user,
      cancelRequestAction: user,
      revealKeyAction: user,
      rotateKeyAction: user,
      approveRequestAction: admin,
      rejectRequestAction: admin,
    },
  },
  'catalog-admin/actions': {
    load: () => import('../catalog-admin/actions'),
    callers: {
      saveCatalogSettingsAction: admin,
      setPublishedAction: admin,
      uploadSpecAction: admin,
      deleteSpecAction: admin,
    },
  },
  'admin/actions/customers': {
    load: () => import('../admin/actions/customers'),
    callers: {
      setKeyEnabledAction: admin,
      moveTierAction: admin,
      removeFromPlanAction: admin,
      rotateCustomerKeyAction: admin,
      setAdminRoleAction: admin,
      closeAccountAction: admin,
      enableAccountAction: admin,
      inviteAction: admin,
    },
  },
  'admin/actions/keys': {
    load: () => import('../admin/actions/keys'),
    callers: { importKeysAction: admin, bulkDisableAction: admin },
  },
  'admin/actions/plans': {
    load: () => import('../admin/actions/plans'),
    callers: { updatePlanAction: admin, createPlanAction: admin, deletePlanAction: admin },
  },
  'audiences/actions': {
    load: () => import('../audiences/actions'),
    callers: {
      createAudienceAction: admin,
      renameAudienceAction: admin,
      addAudienceMemberAction: admin,
      removeAudienceMemberAction: admin,
    },
  },
  'guides/actions': {
    load: () => import('../guides/actions'),
    callers: {
      createGuideAction: admin,
      saveGuideAction: admin,
      publishGuideAction: admin,
      unpublishGuideAction: admin,
      restoreGuideAction: admin,
    },
  },
  'webhooks/actions': {
    load: () => import('../webhooks/actions'),
    callers: {
      createEndpointAction: admin,
      rotateSecretAction: admin,
      setEndpointStateAction: admin,
      deleteEndpointAction: admin,
      resendDeliveryAction: admin,
    },
  },
  'mail/actions': {
    load: () => import('../mail/actions'),
    callers: { mailPreferencesAction: user },
  },
  'mail/unsubscribe-action': {
    load: () => import('../mail/unsubscribe-action'),
    callers: { unsubscribeMailAction: anyone },
  },
} as const;

function acceptableForm(): FormData {
  const form = new FormData();
  const fields = {
    planId: 'abc123',
    requestId: '00000000-0000-4000-8000-000000000001',
    customerSub: '00000000-0000-4000-8000-000000000002',
    sub: '00000000-0000-4000-8000-000000000002',
    reason: 'a good reason',
    keyId: 'key123',
    enabled: 'false',
    makeAdmin: 'true',
    change: 'disable',
    email: 'victim@example.com',
    entry: 'gateway:abc123:prod',
    published: 'false',
    specId: '00000000-0000-4000-8000-000000000003',
    intent: 'preview',
    csv: 'Name,Key\nk,v',
    name: 'Gold',
    order: '1',
    visibility: 'public',
    approval: 'auto',
    apiStage: 'abc123:prod',
    id: 'partners',
    endpointId: '00000000-0000-4000-8000-000000000004',
    url: 'https://hooks.example.com/portico',
    eventTypes: 'key.created',
    state: 'paused',
    delivery: 'DELIVERY#2026-12-02T08:00:00.000Z#msg_abc',
    optionalMail: 'on',
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new File(['openapi: 3.0.0'], 'spec.yaml'));
  return form;
}

const loaded = new Map<string, Record<string, unknown>>();

// Loading the action modules pulls in the AWS SDK: slow on a busy machine, so not timed per test.
beforeAll(async () => {
  for (const [name, { load }] of Object.entries(modules)) loaded.set(name, await load());
}, 120_000);

beforeEach(() => {
  vi.clearAllMocks();
});

describe('server actions', () => {
  for (const [name, { callers }] of Object.entries(modules)) {
    it(`in ${name} are exactly the listed ones, and each checks its caller before anything else`, async () => {
      const actions = Object.entries(loaded.get(name) ?? {});
      expect(actions.map(([exported]) => exported).sort()).toEqual(Object.keys(callers).sort());
      for (const [actionName, action] of actions) {
        const caller: string = callers[actionName as keyof typeof callers];
        if (caller === anyone) continue;
        await expect(
          (action as (state: unknown, form: FormData) => Promise<unknown>)(
            { status: 'idle' },
            acceptableForm(),
          ),
          actionName,
        ).rejects.toBe(caller === admin ? adminRefused : userRefused);
      }
      const expected = (who: string) => Object.values(callers).filter((c) => c === who).length;
      expect(requireAdmin).toHaveBeenCalledTimes(expected(admin));
      expect(requireUser).toHaveBeenCalledTimes(expected(user));
      expect(portalDeps).not.toHaveBeenCalled();
      expect(adminDeps).not.toHaveBeenCalled();
      expect(catalogStoreDeps).not.toHaveBeenCalled();
      expect(guideStoreDeps).not.toHaveBeenCalled();
      expect(eventDeps).not.toHaveBeenCalled();
    });
  }
});
