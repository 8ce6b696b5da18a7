import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';

export interface CsvRecord {
  /** The line of the file the record starts on (1-based), for messages a person can follow. */
  line: number;
  cells: string[];
}

/** A cell csv-parse read without quotes is marked: only these can be pieces of a single-quoted value. */
const cellSchema = z.union([z.string(), z.object({ unquoted: z.string() })]);
type Cell = z.infer<typeof cellSchema>;

/** What csv-parse gives with `info` and `raw`, which its types do not describe. */
const rowsSchema = z.array(
  z.object({ record: z.array(cellSchema), raw: z.string(), info: z.object({ lines: z.number() }) }),
);

/**
 * RFC 4180 CSV read by csv-parse (quoted fields, doubled quotes, commas and newlines inside
 * quotes, any line ending, a BOM), plus the single-quoted values API Gateway's key file format
 * allows for plan id lists (`'a1,b2'`), which csv-parse splits at the comma and this joins
 * again. Blank lines are skipped; an unterminated quote is reported rather than guessed at.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error?: string } {
  let rows: z.infer<typeof rowsSchema>;
  try {
    const parsed: unknown = parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      cast: (value, context): Cell => (context.quoting ? value : { unquoted: value }),
    });
    rows = rowsSchema.parse(parsed);
  } catch (error) {
    if (error instanceof CsvError) {
      return { records: [], error: `Line ${error.lines}: ${errorWords(error)}` };
    }
    throw error;
  }
  const records: CsvRecord[] = [];
  for (const { record, raw, info } of rows) {
    const line = info.lines - newlinesWithin(raw);
    const cells = joinSingleQuoted(record);
    if (!cells) return { records, error: `Line ${line}: a quoted value is never closed.` };
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line, cells });
  }
  return { records };
}

function errorWords(error: CsvError): string {
  return error.code === 'CSV_QUOTE_NOT_CLOSED'
    ? 'a quoted value is never closed.'
    : 'a quote is out of place (quote the whole value, and double any quote inside it).';
}

/** Newlines inside the record itself: not the blank lines before it or its own line ending. */
function newlinesWithin(raw: string): number {
  return (
    raw
      .replace(/^[\r\n]+/, '')
      .replace(/[\r\n]+$/, '')
      .match(/\r\n|\n|\r/g) ?? []
  ).length;
}

/** Undefined when a single-quoted value is still open at the end of the record. */
function joinSingleQuoted(record: Cell[]): string[] | undefined {
  const cells: string[] = [];
  let open: string[] | undefined;
  for (const cell of record) {
    if (typeof cell === 'string') {
      if (open) open.push(cell);
      else cells.push(cell);
      continue;
    }
    const value = cell.unquoted;
    if (!open && value.trimStart().startsWith("'")) open = [];
    if (!open) {
      cells.push(value);
      continue;
    }
    open.push(value);
    const joined = open.join(',').trim();
    if (joined.length > 1 && joined.endsWith("'")) {
      cells.push(joined.slice(1, -1).replaceAll("''", "'"));
      open = undefined;
    }
  }
  return open ? undefined : cells;
}
