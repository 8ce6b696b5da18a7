import 'server-only';
import { clientIp, type HeaderReader } from './client-ip';
import { RateLimiter } from './rate-limit';

const minute = 60_000;

const rule = (name: string, limit: number, windowMs: number) =>
  new RateLimiter({ name, limit, windowMs });

/**
 * The portal's own limits, in front of Cognito's: a few tries per email, more per address
 * (an office shares one). Shared by every server instance through DynamoDB.
 */
const limits = {
  /** Failed sign-ins only: people who type their password right are never slowed down. */
  signIn: {
    email: rule('sign-in-email', 10, 15 * minute),
    ip: rule('sign-in-ip', 50, 15 * minute),
  },
  signUp: { email: rule('sign-up-email', 5, 60 * minute), ip: rule('sign-up-ip', 30, 60 * minute) },
  /** Confirmation codes, resends and password resets: each checks a code or sends an email. */
  code: { email: rule('code-email', 10, 15 * minute), ip: rule('code-ip', 30, 15 * minute) },
};

export type AttemptKind = Exclude<keyof typeof limits, 'signIn'>;

const normalised = (email: string) => email.trim().toLowerCase();

export async function allowAttempt(
  kind: AttemptKind,
  email: string,
  headers: HeaderReader,
): Promise<boolean> {
  const limit = limits[kind];
  const [byEmail, byIp] = await Promise.all([
    limit.email.tryAttempt(normalised(email)),
    limit.ip.tryAttempt(clientIp(headers)),
  ]);
  return byEmail && byIp;
}

/** Whether a sign-in may be tried: neither the email nor the address has failed too often. */
export async function signInAllowed(email: string, headers: HeaderReader): Promise<boolean> {
  const { email: byEmail, ip: byIp } = limits.signIn;
  const blocked = await Promise.all([
    byEmail.isBlocked(normalised(email)),
    byIp.isBlocked(clientIp(headers)),
  ]);
  return !blocked.some(Boolean);
}

export async function signInFailed(email: string, headers: HeaderReader): Promise<void> {
  await Promise.all([
    limits.signIn.email.record(normalised(email)),
    limits.signIn.ip.record(clientIp(headers)),
  ]);
}

/** A successful sign-in clears that email's failures (the address keeps its count). */
export async function signInSucceeded(email: string): Promise<void> {
  await limits.signIn.email.reset(normalised(email));
}
