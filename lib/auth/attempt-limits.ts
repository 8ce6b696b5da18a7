import 'server-only';
import { clientIp } from './client-ip';
import { AttemptLimiter } from './rate-limit';

const minute = 60_000;

/**
 * The portal's own limits, in front of Cognito's: a few tries per email, more per address
 * (an office shares one). Per process: each server instance counts on its own.
 */
const limits = {
  /** Failed sign-ins only: people who type their password right are never slowed down. */
  signIn: { email: new AttemptLimiter(10, 15 * minute), ip: new AttemptLimiter(50, 15 * minute) },
  signUp: { email: new AttemptLimiter(5, 60 * minute), ip: new AttemptLimiter(30, 60 * minute) },
  /** Confirmation codes, resends and password resets: each checks a code or sends an email. */
  code: { email: new AttemptLimiter(10, 15 * minute), ip: new AttemptLimiter(30, 15 * minute) },
};

export type AttemptKind = Exclude<keyof typeof limits, 'signIn'>;
type HeaderReader = (name: string) => string | null | undefined;

export function allowAttempt(kind: AttemptKind, email: string, headers: HeaderReader): boolean {
  const limit = limits[kind];
  return (
    limit.email.tryAttempt(email.trim().toLowerCase()) && limit.ip.tryAttempt(clientIp(headers))
  );
}

/** Whether a sign-in may be tried: neither the email nor the address has failed too often. */
export function signInAllowed(email: string, headers: HeaderReader): boolean {
  const { email: byEmail, ip: byIp } = limits.signIn;
  return !byEmail.isBlocked(email.trim().toLowerCase()) && !byIp.isBlocked(clientIp(headers));
}

export function signInFailed(email: string, headers: HeaderReader): void {
  limits.signIn.email.record(email.trim().toLowerCase());
  limits.signIn.ip.record(clientIp(headers));
}

/** A successful sign-in clears that email's failures (the address keeps its count). */
export function signInSucceeded(email: string): void {
  limits.signIn.email.reset(email.trim().toLowerCase());
}
