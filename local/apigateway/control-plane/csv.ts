/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. A field may
 * also be quoted with single quotes, which API Gateway's key file format allows for the list of
 * usage plan ids (`'c7y23b,glvrsr'`).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === quote && text[index + 1] === quote) {
        field += quote;
        index += 1;
      } else if (char === quote) quote = undefined;
      else field += char;
    } else if ((char === '"' || char === "'") && field === '') quote = char;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}
