import type { ReactNode } from 'react';

export type TableColumn = {
  /** Unique within the table; also the header text when `header` is not given. */
  key: string;
  header?: ReactNode;
  align?: 'left' | 'right';
  /** The column the rows are sorted by, for assistive technology. */
  sort?: 'ascending' | 'descending';
};

type TableProps = {
  /** Names the table for screen readers (and the scrolling region, when there is one). */
  caption: string;
  columns: TableColumn[];
  /** The rows: `<tr>`s whose cells line up with `columns`. */
  children: ReactNode;
  /** Rows for a `<tfoot>`, e.g. totals. */
  footer?: ReactNode;
  /** Scroll long tables inside the page, with the header kept in view. */
  scroll?: boolean;
};

const alignments = { left: 'text-left', right: 'text-right' };

/**
 * The portal's one data table: a captioned table with scoped column headers, inside a box that
 * scrolls sideways on narrow screens. A box that scrolls is focusable, so the keyboard can
 * scroll it too.
 */
export function Table({ caption, columns, children, footer, scroll = false }: TableProps) {
  return (
    <div
      role={scroll ? 'region' : undefined}
      aria-label={scroll ? caption : undefined}
      tabIndex={scroll ? 0 : undefined}
      className={`overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-800 ${scroll ? 'max-h-96 overflow-y-auto' : ''}`}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={`bg-slate-50 dark:bg-slate-900 ${scroll ? 'sticky top-0' : ''}`}>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.sort}
                className={`px-3 py-2 font-semibold ${alignments[column.align ?? 'left']}`}
              >
                {column.header ?? column.key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
        {footer && (
          <tfoot className="border-t border-slate-200 font-semibold dark:border-slate-800">
            {footer}
          </tfoot>
        )}
      </table>
    </div>
  );
}
