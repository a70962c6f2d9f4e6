import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { writeCsv } from '../../../src/handbook/render/csv.js';
import { tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

describe('writeCsv', () => {
  it('is UTF-8 with a BOM and CRLF, one row per chapter target, industry first', () => {
    const hb = buildHandbookFromResults(tinyDataset(), { gaps: tinyGaps(), ranking: tinyRanking() });
    const csv = writeCsv(hb);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header!.slice(0, 5)).toEqual(['产业 id', '产业', '排名', 'id', '企业']);
    // metal: profile-co, parent-co; energy: cell-co.
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['metal', '1', 'profile-co'],
      ['metal', '2', 'parent-co'],
      ['energy', '1', 'cell-co'],
    ]);
    expect(Number(rows[0]![header!.indexOf('得分')])).toBeCloseTo(0.55, 10);
  });
});
