import { beforeAll, describe, expect, it } from 'vitest';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { ImportResult } from '../../../src/io/import/types.js';
import { makeMergedHeaderXlsx } from '../../fixtures/import/make-fixtures.js';
import { fixture, importDataset } from './helpers.js';

describe('XLSX with a title row, merged two-row header, merged data cells, formulas and a total row', () => {
  // merged-header.xlsx (see make-fixtures.ts), worked out by hand: header = row 3 (merged over rows 2–3);
  // data rows 4–8; row 8 is 合计 → total-row; 营业收入 takes the 2023 column (万元): 8000 → 0.8亿, '1.2亿', 3000 → 0.3亿,
  // and row 7's formula result 16000 → 1.6亿; row 5's 省份 comes from B4:B5 merged.
  let r: ImportResult;
  beforeAll(async () => {
    r = await importCompanies(fixture('merged-header.xlsx'), { dataset: await importDataset() });
  });

  it('finds the header under the merged cells and accounts for every data row', () => {
    expect(r.meta).toMatchObject({ format: 'xlsx', sheet: '名单', headerRow: 3 });
    expect(r.meta.columns.map((c) => [c.field, c.year ?? null, c.unit ?? null])).toEqual([
      ['name', null, null],
      ['province', null, null],
      ['city', null, null],
      ['revenue', 2023, '万元'],
      ['revenue', 2022, '万元'],
      ['products', null, null],
    ]);
    expect(r.stats).toEqual({ rows: 5, accepted: 4, merged: 0, rejected: 1, offChain: 0, local: 2 });
    expect(r.rejected).toMatchObject([{ row: 8, code: 'total-row' }]);
  });

  it('reads hyperlinks, merged data cells and formula results, and the latest year of revenue', () => {
    expect(r.companies.map((c) => [c.name, c.hq.city, c.revenue, c.revenueYear, c.segments?.[0]])).toEqual([
      ['聊城高新铝材有限公司', '聊城市', 0.8, 2023, 'al-extrusion'],
      ['山东某电池科技有限公司', '聊城市', 1.2, 2023, 'battery-cell'],
      ['烟台轮胎有限公司', '烟台市', 0.3, 2023, 'tyres'],
      ['深圳储能科技有限公司', '深圳市', 1.6, 2023, 'energy-storage'],
    ]);
    const codes = r.warnings.map((w) => [w.code, w.count]);
    expect(codes).toEqual(expect.arrayContaining([['formula-result-used', 2], ['title-rows-skipped', 2], ['other-sheets', 1], ['duplicate-column', 1]]));
  });

  it('reads the same workbook from bytes, and the committed file matches the generator', async () => {
    const bytes = await makeMergedHeaderXlsx();
    const again = await importCompanies(bytes, { dataset: await importDataset(), fileName: 'merged-header.xlsx' });
    expect(again.companies).toEqual(r.companies);
    expect(again.rejected).toEqual(r.rejected);
  });

  it('picks a sheet by name or number and fails clearly on a missing one', async () => {
    const ds = await importDataset();
    await expect(importCompanies(fixture('merged-header.xlsx'), { dataset: ds, sheet: '没有' })).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
    await expect(importCompanies(fixture('merged-header.xlsx'), { dataset: ds, sheet: 2 })).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
    expect((await importCompanies(fixture('merged-header.xlsx'), { dataset: ds, sheet: 1 })).stats.accepted).toBe(4);
  });
});
