import { operationAnchor, type OperationGroup } from '@/lib/gateway/operations';

const methodColours: Record<string, string> = {
  GET: 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100',
  POST: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  PUT: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  PATCH: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  DELETE: 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100',
};

export function OperationList({ groups }: { groups: OperationGroup[] }) {
  if (groups.length === 0)
    return <p className="text-slate-600 dark:text-slate-400">This API has no operations yet.</p>;
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <section key={group.tag} aria-labelledby={`tag-${group.tag}`}>
          <h3 id={`tag-${group.tag}`} className="mb-2 font-semibold">
            {group.tag}
          </h3>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {group.operations.map((operation) => (
              <li
                key={`${operation.method} ${operation.path}`}
                // Guides and search results link here (lib/guides/guide.ts, lib/search).
                id={operationAnchor(operation)}
                className="flex flex-wrap items-center gap-3 px-3 py-2"
              >
                <span
                  className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold ${methodColours[operation.method] ?? 'bg-slate-100 dark:bg-slate-800'}`}
                >
                  {operation.method}
                </span>
                <code className="font-mono text-sm break-all">{operation.path}</code>
                {operation.summary && (
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {operation.summary}
                  </span>
                )}
                {!operation.requiresKey && (
                  <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
                    no key needed
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
