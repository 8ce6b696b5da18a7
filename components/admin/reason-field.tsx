/** A required reason, shown to the customer and kept in the audit log. */
export function ReasonField({ label = 'Reason (shown to the customer)' }: { label?: string }) {
  return (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <textarea
        name="reason"
        required
        minLength={3}
        maxLength={300}
        rows={2}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      />
    </label>
  );
}
