import type { Clock, EmulatorState } from './model/types';
import type { Touched, UsageCell } from './store/journal';

/**
 * What every part of the emulator shares: the state, the clock, and the bookkeeping that must
 * follow a change. Built once per running emulator by server.ts.
 */
export interface EmulatorContext {
  state: EmulatorState;
  clock: Clock;
  /**
   * Bumped on every control-plane mutation, for caches that start over after any change (the
   * meter's quota counts); the data plane's access index follows each change in `changed`.
   */
  version: number;
  /**
   * Call after a control-plane change to `state`, before answering, naming every record and
   * link it touched: journals them to the data directory, bumps `version` and brings the data
   * plane's access index up to date.
   */
  changed(touched: Touched): void;
  /** Call after the data plane counts a request in `state.usage` (journaled in batches). */
  metered(cell: UsageCell): void;
  /** Base URL clients reach this emulator at, e.g. `http://127.0.0.1:4010`. */
  baseUrl(): string;
}

export const systemClock: Clock = { now: () => Date.now() };
