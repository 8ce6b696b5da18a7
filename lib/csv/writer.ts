/**
 * The one CSV writer every export uses (RFC 4180). Text that a spreadsheet would read as a
 * formula — starting with = + - @, or a tab or carriage return, which some spreadsheets skip
 * before reading one — gets a leading apostrophe, as OWASP advises against CSV injection.
 * Numbers are written as numbers: they come from the portal, not from a person.
 */
export type CsvValue = string | number;

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  const text = typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function neutralised(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A header record, then one record per row; CRLF after every record, the last one too. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
