import type { InputHTMLAttributes, ReactNode } from 'react';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** Extra content after the input, e.g. a show-password toggle. */
  addon?: ReactNode;
};

export const inputClasses =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-500 aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:aria-invalid:border-rose-400';

/** A labelled input whose hint and errors are tied to it for screen readers. */
export function TextField({ name, label, hint, errors, addon, ...input }: TextFieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          className={inputClasses}
          {...input}
        />
        {addon}
      </div>
      {errorId && (
        <p id={errorId} className="text-sm text-rose-700 dark:text-rose-300">
          {errors?.join(' ')}
        </p>
      )}
      {hint && (
        <div id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </div>
      )}
    </div>
  );
}
