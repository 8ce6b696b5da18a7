import { z } from 'zod';
import { parseCsv } from '../csv/parse';

/** One row of a key file, checked and ready to import. */
export interface ImportRow {
  line: number;
  name: string;
  value: string;
  description: string;
  enabled: boolean;
  planIds: string[];
  /** The customer the key is linked to, found by the row's CustomerEmail. */
  customer?: { sub: string; email: string };
}

export interface ImportProblem {
  line: number;
  message: string;
}

/** What the file is checked against, read from API Gateway and Cognito just before. */
export interface ImportContext {
  plans: { id: string; name: string; stages: string[] }[];
  /** Values of keys already in API Gateway: importing one would silently overwrite that key. */
  existingValues: ReadonlySet<string>;
  customers: ReadonlyMap<
    string,
    { sub: string; email: string; hasActiveKey: boolean; disabled?: boolean }
  >;
}

const maxImportRows = 10_000;

/** API Gateway's columns (any order and case) and ours, which API Gateway itself ignores. */
type Column = 'name' | 'key' | 'description' | 'enabled' | 'usageplanids' | 'customeremail';

const keyValue = z
  .string()
  .min(20, 'the key must be 20 to 128 characters')
  .max(128, 'the key must be 20 to 128 characters')
  .regex(/^[\x21-\x7e]+$/, 'the key may only contain printable characters without spaces');

/**
 * Parses and checks a key file in API Gateway's format, reporting every problem with its line
 * (not just the first), so one dry run is enough to fix the file. Pure: the context is read
 * beforehand.
 */
export function checkKeyFile(
  text: string,
  context: ImportContext,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const { records, error } = parseCsv(text);
  if (error) return { rows: [], problems: [{ line: 0, message: error }] };
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 0, message: 'The file is empty.' }] };
  const positions = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = (['name', 'key'] as const).filter((column) => !positions.includes(column));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ line: header.line, message: 'The header must name the Name and Key columns.' }],
    };
  }
  if (body.length === 0) {
    return { rows: [], problems: [{ line: header.line, message: 'The file has no keys.' }] };
  }
  if (body.length > maxImportRows) {
    return {
      rows: [],
      problems: [{ line: 0, message: `At most ${maxImportRows} keys per file.` }],
    };
  }
  const cell = (cells: string[], column: Column) => {
    const index = positions.indexOf(column);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const plans = new Map(context.plans.map((plan) => [plan.id, plan]));
  const firstLineOfValue = new Map<string, number>();
  const firstLineOfCustomer = new Map<string, number>();
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];

  for (const record of body) {
    const rowProblems: string[] = [];
    const name = cell(record.cells, 'name');
    const value = cell(record.cells, 'key');
    if (!name) rowProblems.push('the Name is empty');
    const checked = keyValue.safeParse(value);
    if (!value) rowProblems.push('the Key is empty');
    else if (!checked.success) rowProblems.push(checked.error.issues[0]!.message);
    else if (firstLineOfValue.has(value)) {
      rowProblems.push(`the same key as line ${firstLineOfValue.get(value)}`);
    } else if (context.existingValues.has(value)) {
      rowProblems.push('a key with this value already exists in API Gateway');
    }
    if (value && !firstLineOfValue.has(value)) firstLineOfValue.set(value, record.line);

    const enabledText = cell(record.cells, 'enabled').toLowerCase();
    if (enabledText && enabledText !== 'true' && enabledText !== 'false') {
      rowProblems.push(`Enabled must be true or false, not "${enabledText}"`);
    }
    const planIds = [
      ...new Set(
        cell(record.cells, 'usageplanids')
          .split(/[,;]/)
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ];
    const known = planIds.flatMap((id) => plans.get(id) ?? []);
    for (const id of planIds) if (!plans.has(id)) rowProblems.push(`unknown usage plan ${id}`);
    const stageOwner = new Map<string, string>();
    const clashes = new Set<string>();
    for (const plan of known) {
      for (const stage of plan.stages) {
        const other = stageOwner.get(stage);
        // Plans sharing several stages are one clash, reported once.
        if (other) clashes.add(`${other} and ${plan.name}`);
        else stageOwner.set(stage, plan.name);
      }
    }
    for (const pair of clashes) {
      rowProblems.push(`${pair} cover the same API stage: a key can be in only one of them`);
    }

    const email = cell(record.cells, 'customeremail').toLowerCase();
    const customer = email ? context.customers.get(email) : undefined;
    if (email && !customer) rowProblems.push(`no customer has the email ${email}`);
    if (customer?.hasActiveKey) rowProblems.push(`${email} already has an active key`);
    if (customer?.disabled) {
      rowProblems.push(`${email}'s account is disabled: it cannot hold a working key`);
    }
    if (customer && firstLineOfCustomer.has(customer.sub)) {
      rowProblems.push(
        `${email} is already linked on line ${firstLineOfCustomer.get(customer.sub)}`,
      );
    }
    if (customer && !firstLineOfCustomer.has(customer.sub)) {
      firstLineOfCustomer.set(customer.sub, record.line);
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems.map((message) => ({ line: record.line, message })));
      continue;
    }
    rows.push({
      line: record.line,
      name,
      value,
      description: cell(record.cells, 'description'),
      enabled: enabledText !== 'false',
      planIds,
      ...(customer ? { customer: { sub: customer.sub, email: customer.email } } : {}),
    });
  }
  return { rows, problems };
}

/** The file API Gateway is sent: only the checked rows, in its own column set, quoted. */
export function keyFileFor(rows: (ImportRow & { importName: string })[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return [
    'Name,Key,Description,Enabled,UsagePlanIds',
    ...rows.map((row) =>
      [
        quote(row.importName),
        quote(row.value),
        quote(row.description),
        String(row.enabled),
        quote(row.planIds.join(',')),
      ].join(','),
    ),
  ].join('\n');
}
