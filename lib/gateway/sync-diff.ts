import type { KeyRecord } from '../store/read-model-keys';

const stable = (value: unknown) =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

/** The fields of `fresh` that differ from `recorded`, by name; empty when they agree. */
export function changedFields<T extends object>(recorded: T | undefined, fresh: T): string[] {
  if (!recorded) return [];
  const names = new Set([...Object.keys(recorded), ...Object.keys(fresh)]);
  return [...names]
    .filter((name) => name !== 'recordedAt')
    .filter(
      (name) =>
        stable((recorded as Record<string, unknown>)[name]) !==
        stable((fresh as Record<string, unknown>)[name]),
    )
    .sort();
}

/** A key record as API Gateway has it now, ready to compare with what is recorded. */
export function freshKeyRecord(
  key: Omit<KeyRecord, 'planIds' | 'recordedAt'> & { description?: string },
  planIds: string[],
  now: number,
): KeyRecord {
  const { description: _description, ...rest } = key;
  return { ...rest, planIds: [...planIds].sort(), recordedAt: now };
}
