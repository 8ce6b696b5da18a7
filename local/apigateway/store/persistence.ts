import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState } from '../model/types';
import { Journal, journalFileName, replayJournal, type Touched, type UsageCell } from './journal';
import { readState, writeState } from './state-file';

/** A journal past this size is folded into the state file, so restarts stay quick. */
const compactAfterBytes = 64 * 1024 * 1024;

export interface Persistence {
  state: EmulatorState;
  /** Journals a control-plane change before its answer. */
  record(touched: Touched): void;
  /** Journals one metered request's counter. */
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

  const compact = () => {
    writeState(dataDir, state);
    journal.truncate();
  };
  return {
    state,
    record(touched) {
      journal.recordChange(state, touched);
      if (journal.size > compactAfterBytes) compact();
    },
    meter(cell) {
      journal.recordUsage(state, [cell]);
      if (journal.size > compactAfterBytes) compact();
    },
    close() {
      writeState(dataDir, state);
      journal.close();
      rmSync(join(dataDir, journalFileName), { force: true });
    },
  };
}
