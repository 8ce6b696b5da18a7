import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: string;
  description?: ReactNode;
  /** What the reader can do next, e.g. a `ButtonLink`. */
  action?: ReactNode;
};

/** Shown in place of a list that has nothing in it yet. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h2 className="font-semibold">{title}</h2>
      {description && (
        <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">
          {description}
        </div>
      )}
      {action && <div className="mt-6 flex justify-center gap-3">{action}</div>}
    </div>
  );
}
