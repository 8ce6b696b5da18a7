import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './writer';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, negative ones too', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('csvDocument', () => {
  it('ends every record, the last one too, with CRLF, and neutralises the header', () => {
    expect(csvDocument(['a', '=b'], [[1, '@x']])).toBe("a,'=b\r\n1,'@x\r\n");
  });
});
