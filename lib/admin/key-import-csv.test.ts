import { describe, expect, it } from 'vitest';
import { checkKeyFile, keyFileFor, type ImportContext } from './key-import-csv';

const context: ImportContext = {
  plans: [
    { id: 'bronze1', name: 'Bronze', stages: ['api:prod', 'api2:prod'] },
    { id: 'silver1', name: 'Silver', stages: ['api:prod', 'api2:prod'] },
    { id: 'other1', name: 'Other', stages: ['api2:prod'] },
  ],
  existingValues: new Set(['existing-key-value-0001']),
  customers: new Map([
    ['ann@example.test', { sub: 'sub-ann', email: 'ann@example.test', hasActiveKey: false }],
    ['bob@example.test', { sub: 'sub-bob', email: 'bob@example.test', hasActiveKey: true }],
    [
      'cy@example.test',
      { sub: 'sub-cy', email: 'cy@example.test', hasActiveKey: false, disabled: true },
    ],
  ]),
};

const value = (n: number) => `imported-key-value-${String(n).padStart(4, '0')}`;

describe('checkKeyFile', () => {
  it('accepts API Gateway’s format in any column order and case, plus CustomerEmail', () => {
    const file = `key,NAME,enabled,UsagePlanIds,CustomerEmail\n${value(1)},first,false,'other1',Ann@example.test\n${value(2)},second,,,\n`;
    const { rows, problems } = checkKeyFile(file, context);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'first',
        value: value(1),
        description: '',
        enabled: false,
        planIds: ['other1'],
        customer: { sub: 'sub-ann', email: 'ann@example.test' },
      },
      { line: 3, name: 'second', value: value(2), description: '', enabled: true, planIds: [] },
    ]);
  });

  it('refuses a key for a disabled account', () => {
    const file = `Name,Key,CustomerEmail\ncy,${value(1)},cy@example.test\n`;
    expect(checkKeyFile(file, context).problems).toEqual([
      { line: 2, message: "cy@example.test's account is disabled: it cannot hold a working key" },
    ]);
  });

  it('lists every problem with its line', () => {
    const file = [
      'Name,Key,Enabled,UsageplanIds,CustomerEmail',
      `ok,${value(1)},true,bronze1,`,
      `short,tooshort,true,,`,
      `dup,${value(1)},yes,,`,
      `,existing-key-value-0001,,nope9,`,
      `both,${value(5)},,'bronze1;silver1',`,
      `bob,${value(6)},,,bob@example.test`,
      `who,${value(7)},,,nobody@example.test`,
    ].join('\n');
    const { rows, problems } = checkKeyFile(file, context);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(problems).toEqual([
      { line: 3, message: 'the key must be 20 to 128 characters' },
      { line: 4, message: 'the same key as line 2' },
      { line: 4, message: 'Enabled must be true or false, not "yes"' },
      { line: 5, message: 'the Name is empty' },
      { line: 5, message: 'a key with this value already exists in API Gateway' },
      { line: 5, message: 'unknown usage plan nope9' },
      {
        line: 6,
        message: 'Bronze and Silver cover the same API stage: a key can be in only one of them',
      },
      { line: 7, message: 'bob@example.test already has an active key' },
      { line: 8, message: 'no customer has the email nobody@example.test' },
    ]);
  });

  it('refuses a file without the Name and Key columns, or without rows', () => {
    expect(checkKeyFile('Key,Description\nx,y', context).problems[0]?.message).toMatch(
      /Name and Key/,
    );
    expect(checkKeyFile('Name,Key\n', context).problems[0]?.message).toMatch(/no keys/);
  });

  it('writes the checked rows back in API Gateway’s columns, quoted', () => {
    const [row] = checkKeyFile(`Name,Key,Description\nn,${value(1)},"say ""hi"""`, context).rows;
    expect(keyFileFor([{ ...row!, importName: 'portico-x' }])).toBe(
      `Name,Key,Description,Enabled,UsagePlanIds\n"portico-x","${value(1)}","say ""hi""",true,""`,
    );
  });
});
