import type { Clock, EmulatorState } from './model/types';
import type { UsageCell } from './store/journal';

/**
 * What every part of the emulator shares: the state, the clock, and the bookkeeping that must
 * follow a change. Built once per running emulator by server.ts.
 */
export interface EmulatorContext {
  state: EmulatorState;
  clock: Clock;
  /**
   * Bumped on every control-plane mutation. The data plane caches indexes derived from the
   * state (key value → key, key+stage → plan) and rebuilds them when this changes.
   */
  version: number;
  /**
   * Call after any change to `state`, before answering: journals it to the data directory and,
   * unless it is only a usage counter (`usage`), bumps `version`.
   */
  changed(options?: { usage?: UsageCell }): void;
  /** Base URL clients reach this emulator at, e.g. `http://127.0.0.1:4010`. */
  baseUrl(): string;
}

export const systemClock: Clock = { now: () => Date.now() };
