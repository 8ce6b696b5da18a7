/** Inline links in account pages: underlined, so they do not rely on colour alone. */
export const linkClass =
  'font-medium text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300';
