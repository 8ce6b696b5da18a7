import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, newlines in quotes and single-quoted plan lists, with lines', () => {
    const { records } = parseCsv(`a,b\r\n"x, ""y""",'p1,p2'\n\n"multi\nline",z\n`);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'p1,p2'] },
      { line: 4, cells: ['multi\nline', 'z'] },
    ]);
  });

  it('skips blank records and a byte-order mark, and keeps apostrophes inside values', () => {
    const { records } = parseCsv("\uFEFFName,Key\n , \nO'Brien's key,k1\n'single',\"it's\"");
    expect(records).toEqual([
      { line: 1, cells: ['Name', 'Key'] },
      { line: 3, cells: ["O'Brien's key", 'k1'] },
      { line: 4, cells: ['single', "it's"] },
    ]);
  });

  it('reports an unterminated quote, double or single, with its line', () => {
    expect(parseCsv('a,b\n"open,c\n').error).toBe('Line 2: a quoted value is never closed.');
    expect(parseCsv("a,b\nx,'p1,p2\n").error).toBe('Line 2: a quoted value is never closed.');
  });
});
