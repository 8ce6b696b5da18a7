import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState, UsagePlanKey } from '../model/types';

export const journalFileName = 'journal.ndjson';

/** The collections a control-plane change can touch, each a map of records by id. */
const recordCollections = [
  'restApis',
  'deployments',
  'stages',
  'usagePlans',
  'apiKeys',
  'quotaAdjustments',
] as const;
type RecordCollection = (typeof recordCollections)[number];

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
  for (const line of lines) applyEntry(state, JSON.parse(line) as JournalEntry);
}

function applyEntry(state: EmulatorState, entry: JournalEntry): void {
  if ('put' in entry) {
    (state[entry.put] as Record<string, unknown>)[entry.id] = entry.value;
  } else if ('remove' in entry) {
    delete state[entry.remove][entry.id];
  } else if ('link' in entry) {
    const id = linkId(entry.link);
    if (!state.usagePlanKeys.some((link) => linkId(link) === id))
      state.usagePlanKeys.push(entry.link);
  } else if ('unlink' in entry) {
    const id = linkId(entry.unlink);
    state.usagePlanKeys = state.usagePlanKeys.filter((link) => linkId(link) !== id);
  } else {
    const { planId, keyId, day } = entry.usage;
    ((state.usage[planId] ??= {})[keyId] ??= {})[day] = entry.count;
  }
}

/**
 * Appends each change to `journal.ndjson` before the emulator answers. Control-plane handlers
 * change the state in place, so a change is found by comparing every record with its last
 * journaled form: slower than handlers naming what they touched, but nothing can be forgotten.
 * A write without fsync survives the process being killed (the kernel has the bytes); only a
 * machine crash could lose the tail.
 */
export class Journal {
  private readonly descriptor: number;
  private records = new Map<RecordCollection, Map<string, string>>();
  private links = new Set<string>();
  private bytes = 0;

  constructor(dataDir: string, state: EmulatorState) {
    this.descriptor = openSync(join(dataDir, journalFileName), 'a');
    this.remember(state);
  }

  /** Records every difference between `state` and what the journal already holds. */
  recordChanges(state: EmulatorState): void {
    const entries: JournalEntry[] = [];
    for (const collection of recordCollections) {
      const known = this.records.get(collection) ?? new Map<string, string>();
      const current = state[collection] as Record<string, unknown>;
      for (const [id, value] of Object.entries(current)) {
        const json = JSON.stringify(value);
        if (known.get(id) === json) continue;
        known.set(id, json);
        entries.push({ put: collection, id, value });
      }
      for (const id of known.keys()) {
        if (Object.hasOwn(current, id)) continue;
        known.delete(id);
        entries.push({ remove: collection, id });
      }
      this.records.set(collection, known);
    }
    const links = new Map(state.usagePlanKeys.map((link) => [linkId(link), link]));
    for (const [id, link] of links) {
      if (this.links.has(id)) continue;
      this.links.add(id);
      entries.push({ link: { usagePlanId: link.usagePlanId, keyId: link.keyId } });
    }
    for (const id of this.links) {
      if (links.has(id)) continue;
      this.links.delete(id);
      const [usagePlanId = '', keyId = ''] = id.split('\n');
      entries.push({ unlink: { usagePlanId, keyId } });
    }
    this.append(entries);
  }

  recordUsage(cell: UsageCell, count: number): void {
    this.append([{ usage: cell, count }]);
  }

  /** Empties the journal once the state it describes is safely in the state file. */
  truncate(state: EmulatorState): void {
    ftruncateSync(this.descriptor, 0);
    this.bytes = 0;
    this.remember(state);
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

  private remember(state: EmulatorState): void {
    this.records = new Map(
      recordCollections.map((collection) => [
        collection,
        new Map(
          Object.entries(state[collection] as Record<string, unknown>).map(([id, value]) => [
            id,
            JSON.stringify(value),
          ]),
        ),
      ]),
    );
    this.links = new Set(state.usagePlanKeys.map(linkId));
  }
}
