import type { SearchResult } from '@/lib/search/search-result';

const kindLabels: Record<SearchResult['kind'], string> = {
  api: 'API',
  operation: 'Operation',
  schema: 'Schema',
  guide: 'Guide',
};

type Props = {
  id: string;
  result: SearchResult;
  selected: boolean;
  onPoint: () => void;
  onChoose: () => void;
};

/** One result in the listbox; the input keeps focus, so this is pointed at, never focused. */
export function SearchOption({ id, result, selected, onPoint, onChoose }: Props) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      onMouseMove={onPoint}
      onClick={onChoose}
      className={`cursor-pointer rounded-lg px-3 py-2 ${selected ? 'bg-indigo-50 dark:bg-indigo-950/60' : ''}`}
    >
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className="rounded bg-slate-100 px-1.5 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {kindLabels[result.kind]}
        </span>
        <span className={`font-medium ${result.kind === 'operation' ? 'font-mono text-sm' : ''}`}>
          {result.title}
        </span>
        {result.context && (
          <span className="text-sm text-slate-600 dark:text-slate-400">in {result.context}</span>
        )}
      </span>
      {result.detail && (
        <span className="mt-0.5 block truncate text-sm text-slate-600 dark:text-slate-400">
          {result.detail}
        </span>
      )}
    </li>
  );
}
