import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: string;
  description?: ReactNode;
  /** Buttons or links for the page's main actions, shown beside the title on wide screens. */
  actions?: ReactNode;
};

/** The page's `<h1>`; use once per page. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        {description && <div className="text-slate-600 dark:text-slate-300">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
    </header>
  );
}
