/** A portico: pediment, three columns and a step. Decorative; the product name is text. */
export function Logo({ className = 'size-7' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={className}>
      <path d="M16 3 29 10H3Z" className="fill-indigo-600 dark:fill-indigo-400" />
      <path
        d="M6 12h3v13H6Zm8.5 0h3v13h-3ZM23 12h3v13h-3ZM3 26.5h26V29H3Z"
        className="fill-slate-700 dark:fill-slate-300"
      />
    </svg>
  );
}
