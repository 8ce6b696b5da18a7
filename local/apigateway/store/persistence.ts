import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState } from '../model/types';
import { Journal, journalFileName, replayJournal, type Touched, type UsageCell } from './journal';
import { readState, writeState } from './state-file';

/** A journal past this size is folded into the state file, so restarts stay quick. */
const compactAfterBytes = 64 * 1024 * 1024;

/**
 * How long a usage counter may wait in memory before it is journaled: at most this much
 * metering is lost to a `kill -9`. One append per interval, instead of one per request, keeps
 * the data plane near a bare server's speed.
 */
export const usageFlushMs = 100;

export interface Persistence {
  state: EmulatorState;
  /** Journals a control-plane change before its answer (and any counters still waiting). */
  record(touched: Touched): void;
  /** Notes a counter that changed (pass the same object for the same counter, to keep one
   * pending entry); it is journaled within `usageFlushMs`. */
  meter(cell: UsageCell): void;
  close(): void;
}

/**
 * The emulator's durable state: `state.json` plus a journal of every change since it was
 * written. Opening replays the journal and compacts (state file first, then an empty journal:
 * a crash between the two replays lines that are already in, which changes nothing).
 */
export function openPersistence(dataDir: string): Persistence {
  mkdirSync(dataDir, { recursive: true });
  const state = readState(dataDir);
  replayJournal(dataDir, state);
  writeState(dataDir, state);
  const journal = new Journal(dataDir);
  journal.truncate();

  // Counters changed since the last flush. The meter passes the same cell object for a key all
  // day, so this stays small; a duplicate is harmless, as counts are written as absolute values.
  const pending = new Set<UsageCell>();
  let flushTimer: NodeJS.Timeout | undefined;
  const compact = () => {
    writeState(dataDir, state);
    journal.truncate();
    pending.clear();
  };
  const flushUsage = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pending.size === 0) return;
    journal.recordUsage(state, pending);
    pending.clear();
    if (journal.size > compactAfterBytes) compact();
  };
  return {
    state,
    record(touched) {
      // Counters first, so a durable change never comes before the metering it followed
      // (UpdateUsage reads them).
      flushUsage();
      journal.recordChange(state, touched);
      if (journal.size > compactAfterBytes) compact();
    },
    meter(cell) {
      pending.add(cell);
      flushTimer ??= setTimeout(flushUsage, usageFlushMs).unref();
    },
    close() {
      clearTimeout(flushTimer);
      writeState(dataDir, state);
      journal.close();
      rmSync(join(dataDir, journalFileName), { force: true });
    },
  };
}
