/**
 * What every server action answers its form with. The form announces `message` either way;
 * `data` carries what a success hands back (a key shown once, an import's dry run).
 */
export type ActionResult<Data = undefined> =
  { status: 'idle' } | { status: 'success'; message: string; data?: Data } | ActionFailure;

export type ActionFailure = {
  status: 'error';
  message: string;
  /** Messages per form field, shown next to the field. */
  fieldErrors?: Record<string, string[]>;
  /** Broken password rules, listed under the message. */
  problems?: string[];
  /** What to put back in the non-secret fields (React resets a form after its action). */
  values?: Record<string, string>;
};

/** A form's state before its action first answers. */
export const idle = { status: 'idle' } as const;

/** The outcome of a use case as an action reports it: never `idle`. */
export type Settled<Data = undefined> = Exclude<ActionResult<Data>, { status: 'idle' }>;

/** A form's values without its passwords, safe to send back to the browser. */
export function publicValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !/password/i.test(name) && !name.startsWith('$')) {
      values[name] = value;
    }
  }
  return values;
}
