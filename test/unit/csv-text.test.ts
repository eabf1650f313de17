import { describe, expect, it } from 'vitest';
import { csvCell } from '../../shared/platform/csv/csv-text.ts';
import { toCsv } from '../../cli/report.ts';

describe('CSV the product writes', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ['+1+cmd|\' /C calc\'!A0', `'+1+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\tindented', `'\tindented`],
    ['\rreturn', `"'\rreturn"`],
  ])('neutralises a cell a spreadsheet would run as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(['-12', '-0.5', '+3', '42', '1e-3'].map(csvCell)).toEqual(['-12', '-0.5', '+3', '42', '1e-3']);
  });

  it('quotes every field that holds a quote, separator, line break or edge space', () => {
    expect(['Chloé O\'Neill, Jr.', 'say "hi"', 'two\nlines', ' padded', 'a;b', 'plain'].map(csvCell)).toEqual([`"Chloé O'Neill, Jr."`, `"say ""hi"""`, `"two\nlines"`, `" padded"`, `"a;b"`, 'plain']);
  });

  it('`feedback report --format csv` goes through it: a hostile standard or staff name arrives as text', () => {
    const csv = toCsv([
      ['standard', '=1+1', 'compliance', '0.5'],
      ['trend', '2026-W47', 'change', '-12'],
    ]);
    expect(csv.split('\r\n')).toEqual(['section,item,measure,value', `standard,'=1+1,compliance,0.5`, 'trend,2026-W47,change,-12']);
  });
});
