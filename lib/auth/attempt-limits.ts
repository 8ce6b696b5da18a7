import 'server-only';
import { clientIp } from './client-ip';
import { AttemptLimiter } from './rate-limit';

const minute = 60_000;

/**
 * The portal's own limits, in front of Cognito's: a few tries per email, more per address
 * (an office shares one). Per process: each server instance counts on its own.
 */
const limits = {
  signIn: { email: new AttemptLimiter(10, 15 * minute), ip: new AttemptLimiter(50, 15 * minute) },
  signUp: { email: new AttemptLimiter(5, 60 * minute), ip: new AttemptLimiter(20, 60 * minute) },
  /** Confirmation codes, resends and password resets: each checks a code or sends an email. */
  code: { email: new AttemptLimiter(10, 15 * minute), ip: new AttemptLimiter(30, 15 * minute) },
};

export type AttemptKind = keyof typeof limits;
type HeaderReader = (name: string) => string | null | undefined;

export function allowAttempt(kind: AttemptKind, email: string, headers: HeaderReader): boolean {
  const limit = limits[kind];
  return (
    limit.email.tryAttempt(email.trim().toLowerCase()) && limit.ip.tryAttempt(clientIp(headers))
  );
}

/** A successful sign-in clears that email's failures (the address keeps its count). */
export function forgetAttempts(kind: AttemptKind, email: string): void {
  limits[kind].email.reset(email.trim().toLowerCase());
}
