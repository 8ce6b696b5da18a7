import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { emptyState, type EmulatorState } from '../model/types';

export const stateFileName = 'state.json';

export class CorruptStateError extends Error {
  constructor(file: string, reason: string) {
    super(
      `The API Gateway emulator cannot read its state file ${file}: ${reason}.\n` +
        'Delete the file to start from an empty emulator, or run `npm run local:reset` to reset the whole local stack.',
    );
    this.name = 'CorruptStateError';
  }
}

/** Reads the state of an earlier run, or an empty state when there is none. */
export function readState(dataDir: string): EmulatorState {
  const file = join(dataDir, stateFileName);
  if (!existsSync(file)) return emptyState();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CorruptStateError(file, (error as Error).message);
  }
  const base = emptyState();
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CorruptStateError(file, 'it does not hold a JSON object');
  }
  for (const field of Object.keys(base) as (keyof EmulatorState)[]) {
    const value = (parsed as Record<string, unknown>)[field];
    if (value === undefined) continue;
    // Every field is a list or a map: anything else (null, a string...) would only fail later,
    // on the first request that reads it.
    const expectArray = Array.isArray(base[field]);
    const isMap = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (expectArray ? !Array.isArray(value) : !isMap) {
      throw new CorruptStateError(file, `the field "${field}" has the wrong shape`);
    }
  }
  return { ...base, ...(parsed as Partial<EmulatorState>) };
}

/**
 * Writes the state so that a crash at any moment leaves either the old file or the new one:
 * the JSON goes to a temporary file, is flushed to disk, then renamed over the old one.
 */
export function writeState(dataDir: string, state: EmulatorState): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, stateFileName);
  const temporary = `${file}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'w');
  try {
    writeSync(descriptor, JSON.stringify(state));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, file);
}
