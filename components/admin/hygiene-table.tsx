import { hygieneReasonLabels, type HygieneEntry } from '@/lib/admin/hygiene';
import { Table, type TableColumn } from '../ui/table';

const hygieneColumns: TableColumn[] = [
  { key: 'select', header: <span className="sr-only">Select</span> },
  ...['Key', 'Owner', 'Age', 'Last call', 'Why'].map((key) => ({ key })),
];

/** Flagged keys with a checkbox each, inside the bulk-disable form. */
export function HygieneTable({ entries }: { entries: HygieneEntry[] }) {
  return (
    <Table caption="Keys that need attention" columns={hygieneColumns}>
      {entries.map((entry) => {
        // Bulk disable refuses these until a sync has said whether the owner still exists.
        const ownerUnknown = entry.reasons.includes('owner-unknown');
        return (
          <tr key={entry.key.id}>
            <td className="px-3 py-2">
              <input
                type="checkbox"
                name="keyId"
                value={entry.key.id}
                disabled={ownerUnknown}
                aria-label={
                  ownerUnknown
                    ? `Key ${entry.key.name}: its owner is unknown until a sync runs`
                    : `Select key ${entry.key.name}`
                }
              />
            </td>
            <td className="px-3 py-2">
              <span className="font-medium">{entry.key.name}</span>
              <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">
                {entry.key.id}
              </span>
            </td>
            <td className="px-3 py-2">
              {entry.ownerEmail ??
                (ownerUnknown
                  ? 'unknown – run a sync'
                  : entry.key.customerId
                    ? 'deleted account'
                    : '—')}
            </td>
            <td className="px-3 py-2">
              {entry.ageDays === undefined ? '—' : `${entry.ageDays} d`}
            </td>
            <td className="px-3 py-2">{entry.lastUsed ?? 'none in 30 days'}</td>
            <td className="px-3 py-2">
              {entry.reasons.map((reason) => hygieneReasonLabels[reason]).join('; ')}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
