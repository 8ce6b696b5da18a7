/**
 * Who may use each route and server action. The authorization-matrix tests read the app's
 * routes and actions from the filesystem and fail for any without a row here (and for rows
 * whose route or action is gone), then check every row against six personas:
 * e2e/authorization-matrix.spec.ts over HTTP for routes, lib/security/authorization-matrix.test.ts
 * for server actions.
 */
export type Audience = 'public' | 'signed-in' | 'admin';

export const personas = [
  'anonymous',
  'customer',
  'another customer',
  'admin',
  'disabled account',
  'demoted admin',
] as const;
export type Persona = (typeof personas)[number];

export type Outcome = 'allowed' | 'sign-in' | 'forbidden';

/** What each persona gets from something meant for `audience`. */
export function expectedOutcome(audience: Audience, persona: Persona): Outcome {
  if (audience === 'public') return 'allowed';
  // A disabled account's session ends at its next request; a demoted admin is a customer.
  if (persona === 'anonymous' || persona === 'disabled account') return 'sign-in';
  if (audience === 'signed-in') return 'allowed';
  return persona === 'admin' ? 'allowed' : 'forbidden';
}

export interface RouteRow {
  audience: Audience;
  /**
   * A concrete request for the pattern; `{customer}` is the customer persona's sub, `{guide}`,
   * `{guideSlug}` and `{webhook}` the guide and webhook endpoint the e2e setup made.
   */
  sample: string;
  headers?: Record<string, string>;
}

export const routeMatrix: Record<string, RouteRow> = {
  '/': { audience: 'public', sample: '/' },
  '/plans': { audience: 'public', sample: '/plans' },
  '/guides': { audience: 'public', sample: '/guides' },
  '/llms.txt': { audience: 'public', sample: '/llms.txt' },
  '/apis/[slug]/llms.md': { audience: 'public', sample: '/apis/weather/llms.md' },
  '/guides/[slug]': { audience: 'public', sample: '/guides/{guideSlug}' },
  '/apis': { audience: 'public', sample: '/apis' },
  '/apis/[slug]': { audience: 'public', sample: '/apis/weather' },
  '/apis/[slug]/download': { audience: 'public', sample: '/apis/weather/download?format=yaml' },
  '/sign-in': { audience: 'public', sample: '/sign-in' },
  '/sign-up': { audience: 'public', sample: '/sign-up' },
  '/sign-out': { audience: 'public', sample: '/sign-out' },
  '/confirm': { audience: 'public', sample: '/confirm' },
  '/forgot-password': { audience: 'public', sample: '/forgot-password' },
  '/reset-password': { audience: 'public', sample: '/reset-password' },
  '/api/auth/[...nextauth]': { audience: 'public', sample: '/api/auth/session' },
  // Answers per viewer: a visitor finds only what is public (lib/search).
  '/api/search': { audience: 'public', sample: '/api/search?q=weather' },
  '/api/try/[slug]/[...path]': {
    audience: 'public',
    sample: '/api/try/weather/cities',
    headers: { 'x-portico-try': '1' },
  },
  '/unsubscribe': { audience: 'public', sample: '/unsubscribe?token=invalid' },
  '/api/viewer': { audience: 'public', sample: '/api/viewer' },
  // The public pages anonymous visitors get from cache (proxy.ts rewrites /apis and the others
  // there): public content only, whoever asks.
  '/cached/[audience]/apis': { audience: 'public', sample: '/cached/public/apis' },
  '/cached/[audience]/apis/[slug]': {
    audience: 'public',
    sample: '/cached/public/apis/weather',
  },
  '/cached/[audience]/plans': { audience: 'public', sample: '/cached/public/plans' },
  '/cached/[audience]/guides': {
    audience: 'public',
    sample: '/cached/public/guides',
  },
  '/cached/[audience]/guides/[slug]': {
    audience: 'public',
    sample: '/cached/public/guides/{guideSlug}',
  },
  '/cached/[audience]/llms.txt': {
    audience: 'public',
    sample: '/cached/public/llms.txt',
  },
  '/account': { audience: 'signed-in', sample: '/account' },
  '/dashboard/notifications': { audience: 'signed-in', sample: '/dashboard/notifications' },
  '/dashboard': { audience: 'signed-in', sample: '/dashboard' },
  '/dashboard/usage': { audience: 'signed-in', sample: '/dashboard/usage' },
  '/dashboard/usage/csv': { audience: 'signed-in', sample: '/dashboard/usage/csv' },
  '/admin': { audience: 'admin', sample: '/admin' },
  '/admin/apis': { audience: 'admin', sample: '/admin/apis' },
  '/admin/audiences': { audience: 'admin', sample: '/admin/audiences' },
  '/admin/guides': { audience: 'admin', sample: '/admin/guides' },
  '/admin/guides/[id]': { audience: 'admin', sample: '/admin/guides/{guide}' },
  '/admin/audit': { audience: 'admin', sample: '/admin/audit' },
  '/admin/audit/csv': { audience: 'admin', sample: '/admin/audit/csv' },
  '/admin/customers': { audience: 'admin', sample: '/admin/customers' },
  '/admin/customers/[sub]': { audience: 'admin', sample: '/admin/customers/{customer}' },
  '/admin/keys': { audience: 'admin', sample: '/admin/keys' },
  '/admin/keys/import': { audience: 'admin', sample: '/admin/keys/import' },
  '/admin/plans': { audience: 'admin', sample: '/admin/plans' },
  '/admin/requests': { audience: 'admin', sample: '/admin/requests' },
  '/admin/usage': { audience: 'admin', sample: '/admin/usage' },
  '/admin/webhooks': { audience: 'admin', sample: '/admin/webhooks' },
  '/admin/webhooks/[id]': { audience: 'admin', sample: '/admin/webhooks/{webhook}' },
  '/admin/usage/csv': { audience: 'admin', sample: '/admin/usage/csv?view=daily' },
  '/admin/usage/customers/[sub]': {
    audience: 'admin',
    sample: '/admin/usage/customers/{customer}',
  },
};

/** Server actions by export name (names are unique across the app). */
export const actionMatrix: Record<string, Audience> = {
  signUpAction: 'public',
  confirmAction: 'public',
  resendCodeAction: 'public',
  forgotPasswordAction: 'public',
  resetPasswordAction: 'public',
  changePasswordAction: 'signed-in',
  deleteAccountAction: 'signed-in',
  subscribeAction: 'signed-in',
  unsubscribeAction: 'signed-in',
  requestUpgradeAction: 'signed-in',
  cancelRequestAction: 'signed-in',
  revealKeyAction: 'signed-in',
  rotateKeyAction: 'signed-in',
  refreshUsageAction: 'signed-in',
  approveRequestAction: 'admin',
  rejectRequestAction: 'admin',
  offerUpgradeAction: 'admin',
  acceptOfferAction: 'signed-in',
  declineOfferAction: 'signed-in',
  importKeysAction: 'admin',
  bulkDisableAction: 'admin',
  setKeyEnabledAction: 'admin',
  moveTierAction: 'admin',
  removeFromPlanAction: 'admin',
  rotateCustomerKeyAction: 'admin',
  setAdminRoleAction: 'admin',
  closeAccountAction: 'admin',
  enableAccountAction: 'admin',
  inviteAction: 'admin',
  syncNowAction: 'admin',
  updatePlanAction: 'admin',
  createPlanAction: 'admin',
  deletePlanAction: 'admin',
  setPlanThresholdsAction: 'admin',
  saveCatalogSettingsAction: 'admin',
  setPublishedAction: 'admin',
  uploadSpecAction: 'admin',
  deleteSpecAction: 'admin',
  createAudienceAction: 'admin',
  renameAudienceAction: 'admin',
  addAudienceMemberAction: 'admin',
  removeAudienceMemberAction: 'admin',
  createGuideAction: 'admin',
  saveGuideAction: 'admin',
  publishGuideAction: 'admin',
  unpublishGuideAction: 'admin',
  restoreGuideAction: 'admin',
  createEndpointAction: 'admin',
  rotateSecretAction: 'admin',
  setEndpointStateAction: 'admin',
  deleteEndpointAction: 'admin',
  resendDeliveryAction: 'admin',
  mailPreferencesAction: 'signed-in',
  // Signed out on purpose: the signed, expiring token in the form is the authorization.
  unsubscribeMailAction: 'public',
};
