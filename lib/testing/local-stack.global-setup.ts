import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePorts } from '../../local/stack/ports';
import { startLocalStack } from '../../local/stack/start-stack';
import { confirmationCode } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    stackEnv: Record<string, string>;
  }
}

/**
 * Integration tests run against a real local stack of their own: free ports and a fresh state
 * directory, so they never touch (or collide with) a developer's `npm run dev`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stateDir = mkdtempSync(join(tmpdir(), 'portico-it-'));
  const stack = await startLocalStack({ ports: await freePorts(), stateDir, confirmationCode });
  // The portal's call budget is proven by unit tests with a controllable clock; here it only
  // needs to stay out of the way of hundreds of calls made back to back.
  project.provide('stackEnv', { ...stack.env, PORTICO_GATEWAY_RPS: '100' });
  return async () => {
    await stack.close();
    rmSync(stateDir, { recursive: true, force: true });
  };
}
