import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Local mode's session secret: 32 random bytes made on the first start and kept in the local
 * state directory, so every install signs its cookies with a secret of its own (a literal in
 * the code would let anyone who can reach an instance forge an admin session). Several
 * processes may start at once (the stack, Next's workers): the first write wins, the others
 * read it.
 */
export const sessionSecretFile = 'session-secret';

const secretPattern = /^[A-Za-z0-9_-]{43,}$/;

export function localSessionSecret(stateDir: string): string {
  const file = join(stateDir, sessionSecretFile);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(stateDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readSecret(file);
  if (!secret) {
    throw new Error(
      `${file} does not hold a session secret (43 or more base64url characters). Delete it and start again.`,
    );
  }
  chmodSync(file, 0o600);
  return secret;
}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  return secretPattern.test(text) ? text : undefined;
}
