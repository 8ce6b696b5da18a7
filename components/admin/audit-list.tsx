import type { AuditEntry } from '@/lib/store/audit';
import { formatUtc } from '@/lib/format/utc';
import { Table } from '../ui/table';

const auditColumns = ['When', 'Who', 'Action', 'Subject', 'Details'].map((key) => ({ key }));

/** Audit entries as a table: when, who, what and the details recorded with it. */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  if (entries.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing recorded.</p>;
  }
  return (
    <Table caption={caption} columns={auditColumns}>
      {entries.map((entry) => (
        <tr key={entry.id} className="align-top">
          <td className="px-3 py-2 whitespace-nowrap">{formatUtc(entry.at)}</td>
          <td className="px-3 py-2">{entry.actor.email}</td>
          <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
          <td className="px-3 py-2 font-mono text-xs break-all">{entry.customerSub}</td>
          <td className="px-3 py-2 text-xs">
            {Object.entries(entry.details)
              .map(([name, value]) => `${name}: ${value}`)
              .join(' · ')}
          </td>
        </tr>
      ))}
    </Table>
  );
}
