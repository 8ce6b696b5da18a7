import { badRequest } from '../errors';
import { parseCsv } from '../../../lib/csv/parse';

/**
 * The rows of a key file, read by the portal's CSV parser (RFC 4180 plus the single-quoted
 * plan id lists API Gateway's format allows). A file that cannot be read is a 400.
 */
export function csvRows(text: string): string[][] {
  const { records, error } = parseCsv(text);
  if (error) throw badRequest(`Invalid CSV: ${error}`);
  return records.map((record) => record.cells);
}
