import 'server-only';
import { accountAudit, type AuditEntry } from '../store/audit';
import { auditFilterSchema, auditRange, filterAudit, type AuditFilter } from './audit-query';
import { adminDeps } from './server-deps';

/** At most this many entries are read per query (newest first), for the page and the CSV. */
export const auditReadLimit = 5000;

export interface AuditView {
  filter: AuditFilter;
  range: { from: number; to: number };
  /** Undefined when DynamoDB failed. */
  entries?: AuditEntry[];
  /** More entries exist in the range than were read: narrow the dates. */
  truncated: boolean;
}

export async function loadAuditView(
  params: Record<string, string | string[] | undefined>,
): Promise<AuditView> {
  const filter = auditFilterSchema.parse(params);
  const deps = adminDeps();
  const range = auditRange(filter, deps.now());
  try {
    const read = await accountAudit(deps, range, auditReadLimit);
    return {
      filter,
      range,
      entries: filterAudit(read, filter),
      truncated: read.length >= auditReadLimit,
    };
  } catch (error) {
    console.error('[admin] audit log failed', error);
    return { filter, range, truncated: false };
  }
}
