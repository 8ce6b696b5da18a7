import type { ReactNode } from 'react';

type AuthCardProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links to the neighbouring steps, under the form. */
  footer?: ReactNode;
};

/** The frame of every sign-in, sign-up and password page: one narrow column, one `<h1>`. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <div className="mx-auto w-full max-w-md space-y-6">
      <header className="space-y-2 text-center">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description && (
          <div className="text-sm text-slate-600 dark:text-slate-300">{description}</div>
        )}
      </header>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {children}
      </div>
      {footer && (
        <div className="space-y-2 text-center text-sm text-slate-600 dark:text-slate-400">
          {footer}
        </div>
      )}
    </div>
  );
}
