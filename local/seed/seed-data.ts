import type { PlanMetadata } from '../../lib/gateway/plan-tags';

/** The demo content `npm run dev` provisions. Names are the idempotency keys. */

export const seedApis = [
  { name: 'Weather', file: 'weather.openapi.yaml', stage: 'prod' },
  { name: 'Payments', file: 'payments.openapi.yaml', stage: 'prod' },
] as const;

export interface SeedPlan {
  name: string;
  description: string;
  throttle: { rateLimit: number; burstLimit: number };
  quota: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH'; offset: number };
  metadata: PlanMetadata;
}

export const seedPlans: SeedPlan[] = [
  {
    name: 'Bronze',
    description: 'For trying things out and small side projects.',
    throttle: { rateLimit: 5, burstLimit: 10 },
    quota: { limit: 1_000, period: 'DAY', offset: 0 },
    metadata: { order: 1, visibility: 'public', approval: 'auto', audience: { kind: 'public' } },
  },
  {
    name: 'Silver',
    description: 'For applications in production.',
    throttle: { rateLimit: 20, burstLimit: 40 },
    quota: { limit: 100_000, period: 'MONTH', offset: 0 },
    metadata: { order: 2, visibility: 'public', approval: 'auto', audience: { kind: 'public' } },
  },
  {
    name: 'Gold',
    description: 'High volume, for partners. An admin approves each upgrade.',
    throttle: { rateLimit: 100, burstLimit: 200 },
    quota: { limit: 5_000_000, period: 'MONTH', offset: 0 },
    metadata: { order: 3, visibility: 'public', approval: 'manual', audience: { kind: 'public' } },
  },
];

/**
 * The second Region the local stack stands up (a second emulator): one API, and Bronze and
 * Silver again by name, so those two plans span both Regions (lib/gateway/plan-links) while
 * Gold stays in the home Region only.
 */
export const peerSeed = {
  region: 'eu-west-1',
  /** Stands in when the home Region is eu-west-1 itself. */
  fallbackRegion: 'us-east-1',
  apis: [{ name: 'Geocoding', file: 'geocoding.openapi.yaml', stage: 'prod' }],
  plans: seedPlans.filter((plan) => plan.name === 'Bronze' || plan.name === 'Silver'),
} as const;

export interface SeedUser {
  email: string;
  password: string;
  admin: boolean;
}

/** Demo accounts for the local stack only; printed at start-up. */
export const seedUsers: SeedUser[] = [
  { email: 'admin@portico.local', password: 'Portico-Admin-1', admin: true },
  { email: 'developer@portico.local', password: 'Portico-Dev-1', admin: false },
];

export const localUserPoolName = 'portico-local';
export const localAppClientName = 'portico-web';
