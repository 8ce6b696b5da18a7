import type { AuditEntry } from '@/lib/store/audit';
import { formatUtc } from '@/lib/format/utc';

/** Audit entries as a table: when, who, what and the details recorded with it. */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  if (entries.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing recorded.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="px-3 py-2">
              Who
            </th>
            <th scope="col" className="px-3 py-2">
              Action
            </th>
            <th scope="col" className="px-3 py-2">
              Subject
            </th>
            <th scope="col" className="px-3 py-2">
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              className="border-b border-slate-100 align-top dark:border-slate-800/60"
            >
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
        </tbody>
      </table>
    </div>
  );
}
