export interface CsvRecord {
  /** The line of the file the record starts on (1-based), for messages a person can follow. */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes), plus the
 * single-quoted fields API Gateway's key file format allows for plan id lists (`'a1,b2'`).
 * Blank lines are skipped; an unterminated quote is reported rather than guessed at.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error?: string } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quote: string | undefined;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(field);
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line: start, cells });
    cells = [];
    field = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\n') line += 1;
    if (quote) {
      if (char === quote && text[index + 1] === quote) {
        field += quote;
        index += 1;
      } else if (char === quote) quote = undefined;
      else field += char;
    } else if ((char === '"' || char === "'") && field.trim() === '') {
      quote = char;
      field = '';
    } else if (char === ',') {
      cells.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') {
        index += 1;
        line += 1;
      }
      endRecord();
      start = line;
    } else field += char;
  }
  if (quote) return { records, error: `Line ${start}: a quoted value is never closed.` };
  if (field !== '' || cells.length > 0) endRecord();
  return { records };
}
