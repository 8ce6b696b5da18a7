import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState, UsagePlanKey } from '../model/types';

export const journalFileName = 'journal.ndjson';

/** The collections a control-plane change can touch, each a map of records by id. */
export const recordCollections = [
  'restApis',
  'deployments',
  'stages',
  'usagePlans',
  'apiKeys',
  'quotaAdjustments',
] as const;
export type RecordCollection = (typeof recordCollections)[number];

/**
 * What one control-plane change touched, named by the handler that made it: the ids of the
 * records it wrote or deleted in each collection (the journal reads each from the state: there,
 * it is written whole; gone, it is written as removed) and the plan–key links it added or
 * removed. Naming them makes a journal entry cost what the change does, not what the state
 * holds; journal.test.ts replays every operation from disk to catch a handler that forgets one.
 */
export type Touched = { [collection in RecordCollection]?: readonly string[] } & {
  linked?: readonly UsagePlanKey[];
  unlinked?: readonly UsagePlanKey[];
};

/** One accepted request's counter: plan, key, UTC day. */
export interface UsageCell {
  planId: string;
  keyId: string;
  day: string;
}

/**
 * A journal line. Records are written whole and counters as absolute values, so replaying a
 * line twice (a crash between compaction's two steps) changes nothing.
 */
type JournalEntry =
  | { put: RecordCollection; id: string; value: unknown }
  | { remove: RecordCollection; id: string }
  | { link: UsagePlanKey }
  | { unlink: UsagePlanKey }
  | { usage: UsageCell; count: number };

const linkId = (link: UsagePlanKey) => `${link.usagePlanId}\n${link.keyId}`;

/** Applies the journal's complete lines to `state`; a line torn by a kill is not one of them. */
export function replayJournal(dataDir: string, state: EmulatorState): void {
  let text: string;
  try {
    text = readFileSync(join(dataDir, journalFileName), 'utf8');
  } catch {
    return;
  }
  const lines = text.split('\n');
  // Each append ends with a newline: only the last piece can be unfinished.
  lines.pop();
  // Links by id, in their order, so each line costs the same however many links there are.
  const links = new Map(state.usagePlanKeys.map((link) => [linkId(link), link]));
  for (const line of lines) {
    const entry = JSON.parse(line) as JournalEntry;
    if ('put' in entry) {
      (state[entry.put] as Record<string, unknown>)[entry.id] = entry.value;
    } else if ('remove' in entry) {
      delete state[entry.remove][entry.id];
    } else if ('link' in entry) {
      const id = linkId(entry.link);
      if (!links.has(id)) links.set(id, entry.link);
    } else if ('unlink' in entry) {
      links.delete(linkId(entry.unlink));
    } else {
      const { planId, keyId, day } = entry.usage;
      ((state.usage[planId] ??= {})[keyId] ??= {})[day] = entry.count;
    }
  }
  state.usagePlanKeys = [...links.values()];
}

/**
 * Appends changes to `journal.ndjson`. A write without fsync survives the process being killed
 * (the kernel has the bytes); only a machine crash could lose the tail.
 */
export class Journal {
  private readonly descriptor: number;
  private bytes = 0;

  constructor(dataDir: string) {
    this.descriptor = openSync(join(dataDir, journalFileName), 'a');
  }

  /** Writes what a control-plane change touched, each record as it now is in `state`. */
  recordChange(state: EmulatorState, touched: Touched): void {
    const entries: JournalEntry[] = [];
    for (const collection of recordCollections) {
      const records = state[collection] as Record<string, unknown>;
      for (const id of touched[collection] ?? []) {
        const value = Object.hasOwn(records, id) ? records[id] : undefined;
        entries.push(
          value === undefined ? { remove: collection, id } : { put: collection, id, value },
        );
      }
    }
    for (const link of touched.unlinked ?? []) {
      entries.push({ unlink: { usagePlanId: link.usagePlanId, keyId: link.keyId } });
    }
    for (const link of touched.linked ?? []) {
      entries.push({ link: { usagePlanId: link.usagePlanId, keyId: link.keyId } });
    }
    this.append(entries);
  }

  /** Writes the counters' current values, all in one append. */
  recordUsage(state: EmulatorState, cells: Iterable<UsageCell>): void {
    const entries: JournalEntry[] = [];
    for (const cell of cells) {
      const count = state.usage[cell.planId]?.[cell.keyId]?.[cell.day] ?? 0;
      entries.push({ usage: cell, count });
    }
    this.append(entries);
  }

  /** Empties the journal once the state it describes is safely in the state file. */
  truncate(): void {
    ftruncateSync(this.descriptor, 0);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.descriptor);
  }

  /** Bytes appended since the last truncation, so the owner can compact a growing journal. */
  get size(): number {
    return this.bytes;
  }

  private append(entries: JournalEntry[]): void {
    if (entries.length === 0) return;
    const bytes = Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(this.descriptor, bytes, written, bytes.length - written);
    }
    this.bytes += bytes.length;
  }
}
