import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvChunks, csvText, numberText } from '../../src/io/csv.js';

describe('the one CSV writer', () => {
  it('writes a BOM, CRLF, plain numbers with the column digits and formula-safe text (headers too)', () => {
    const csv = csvText(
      [{ name: '=HYPERLINK("x")', score: -0.0333333, n: 7, list: ['a', 'b'] }, { name: '山东,“铝”', score: Number.NaN }],
      [{ key: 'name', header: '@企业' }, { key: 'score', header: 'Score', digits: 4 }, { key: 'n', header: 'N' }, { key: 'list', header: 'List' }],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ["'@企业", 'Score', 'N', 'List'],
      ['\'=HYPERLINK("x")', '-0.0333', '7', 'a; b'],
      ['山东,“铝”', '', '', ''],
    ]);
  });

  it('gives the same text in chunks as in one piece', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ i }));
    expect([...csvChunks(rows, [{ key: 'i', header: 'i' }], 2)].join('')).toBe(csvText(rows, [{ key: 'i', header: 'i' }]));
    expect(csvText([], [{ key: 'i', header: 'i' }])).toBe('\uFEFFi\r\n');
  });

  it('never writes -0', () => {
    expect(numberText(-0.0001)).toBe('0.000');
    expect(numberText(Number.POSITIVE_INFINITY)).toBe('');
  });
});
