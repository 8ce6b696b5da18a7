import { hygieneReasonLabels, type HygieneEntry } from '@/lib/admin/hygiene';

/** Flagged keys with a checkbox each, inside the bulk-disable form. */
export function HygieneTable({ entries }: { entries: HygieneEntry[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Keys that need attention</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Select</span>
            </th>
            <th scope="col" className="px-3 py-2">
              Key
            </th>
            <th scope="col" className="px-3 py-2">
              Owner
            </th>
            <th scope="col" className="px-3 py-2">
              Age
            </th>
            <th scope="col" className="px-3 py-2">
              Last call
            </th>
            <th scope="col" className="px-3 py-2">
              Why
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.key.id} className="border-b border-slate-100 dark:border-slate-800/60">
              <td className="px-3 py-2">
                <input
                  type="checkbox"
                  name="keyId"
                  value={entry.key.id}
                  aria-label={`Select key ${entry.key.name}`}
                />
              </td>
              <td className="px-3 py-2">
                <span className="font-medium">{entry.key.name}</span>
                <span className="block font-mono text-xs text-slate-500">{entry.key.id}</span>
              </td>
              <td className="px-3 py-2">
                {entry.ownerEmail ?? (entry.key.customerId ? 'deleted account' : '—')}
              </td>
              <td className="px-3 py-2">
                {entry.ageDays === undefined ? '—' : `${entry.ageDays} d`}
              </td>
              <td className="px-3 py-2">{entry.lastUsed ?? 'none in 30 days'}</td>
              <td className="px-3 py-2">
                {entry.reasons.map((reason) => hygieneReasonLabels[reason]).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
