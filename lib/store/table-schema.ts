/**
 * The portal's single DynamoDB table (upgrade requests, audit log, specs, notifications).
 * Generic keys let every record type share one table; `gsi1` serves the second access path
 * each type needs (for example "all pending requests", "audit entries by actor").
 */
export const tableKeys = {
  partition: 'pk',
  sort: 'sk',
  gsi1: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  /** Epoch seconds after which DynamoDB deletes a record (revoked sessions, rate counters). */
  ttl: 'ttl',
} as const;
