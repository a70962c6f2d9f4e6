import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import mapping from '../../fixtures/import/a-share-mapping.json';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { HeaderMapping } from '../../../src/io/import/planColumns.js';
import type { ImportResult } from '../../../src/io/import/types.js';
import { Company } from '../../../src/schema/company.js';

// ../shared/data/external/a_share_companies_merged.csv (relative to the repository root): 5,418 listed companies,
// English headers from Tushare + 申万2021. Not shipped with the repository: the test is skipped, by name, without it.
const FILE = fileURLToPath(new URL('../../../../shared/data/external/a_share_companies_merged.csv', import.meta.url));
const PRESENT = existsSync(FILE);
const SKIP_NOTE = PRESENT ? '' : ' [SKIPPED: ../shared/data/external/a_share_companies_merged.csv not found]';

// 申万 level-1 sector → industries of the 聊城 dataset a company of that sector plausibly belongs to.
// Sectors with no counterpart (银行, 房地产, 传媒, 交通运输, 家用电器, 公用事业, 煤炭 …) are left out of the share.
const PLAUSIBLE: Readonly<Record<string, readonly string[]>> = {
  有色金属: ['nonferrous'],
  钢铁: ['ferrous'],
  基础化工: ['chemicals'],
  石油石化: ['chemicals'],
  农林牧渔: ['agrifood'],
  食品饮料: ['agrifood'],
  汽车: ['auto', 'bearings'],
  纺织服饰: ['textiles'],
  轻工制造: ['textiles'],
  建筑材料: ['building-materials'],
  建筑装饰: ['building-materials', 'ferrous'],
  机械设备: ['equipment', 'bearings'],
  国防军工: ['equipment', 'ict', 'nonferrous'],
  电子: ['ict'],
  通信: ['ict'],
  计算机: ['ict'],
  电力设备: ['new-energy', 'equipment', 'ict'],
  医药生物: ['health'],
  美容护理: ['health'],
};

describe('integration: the A-share list (5,418 real listed companies, English headers, mapping file)', () => {
  let r: ImportResult;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    if (!PRESENT) return;
    rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;
    r = await importCompanies(FILE, { dataset: liaocheng(), mapping: mapping.columns as HeaderMapping });
  }, 120_000);

  it.skipIf(!PRESENT)(`accounts for every row and outputs valid companies${SKIP_NOTE}`, () => {
    expect(rows.length).toBe(5418);
    expect(r.stats.rows).toBe(rows.length);
    expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(r.stats.rows);
    // Banks, insurers, brokers and developers are set aside as off-chain, never targets.
    expect(r.stats.offChain).toBeGreaterThan(300);
    for (const c of r.companies) expect(Company.safeParse(c).success).toBe(true);
    // Rows without a city that no province, name or address places are the only rejections (314 rows lack a city;
    // those with a province, 内蒙 included, are kept at province level).
    expect(r.rejected.every((x) => x.code === 'missing-location')).toBe(true);
    expect(r.stats.rejected).toBeLessThan(314);
    // Companies already in the embedded dataset merge into it rather than duplicate it.
    expect(r.merged.length).toBeGreaterThan(100);
    expect(r.merged.every((m) => m.intoRow === undefined || m.intoRow < m.row)).toBe(true);
  });

  it.skipIf(!PRESENT)(`lands most companies of covered sectors on a plausible industry${SKIP_NOTE}`, () => {
    // Inputs are only the full name and two industry labels (tushare_industry, sw2021_l3); sw2021_l1 is held out.
    // Keyword tagging alone (v0.1): 72% of 3,571 covered companies. With the GB/T concordance: see the assertion.
    const byId = new Map(r.companies.map((c) => [c.id, c]));
    let covered = 0;
    let plausible = 0;
    let placed = 0;
    for (const t of r.tags) {
      const ok = PLAUSIBLE[rows[t.row - 2]!.sw2021_l1 ?? ''];
      if (ok === undefined) continue;
      covered++;
      const main = byId.get(t.id)?.industries?.[0];
      if (main !== undefined) placed++;
      if (main !== undefined && ok.includes(main)) plausible++;
    }
    expect(covered).toBeGreaterThan(2500);
    // Since industries exclude the GB/T groups no segment covers (服装, 农药, 日化, 陶瓷, 耐火, 焙烤糖果, 显示器件 …;
    // data/liaocheng/SOURCES.md), firms of those groups within a covered 申万 L1 sector stay unplaced, which this
    // coarse measure counts as misses (2026-12-04: 78.5% of covered, was 80.3%); of those placed, 90.6% (was 90.4%).
    expect(plausible / covered).toBeGreaterThanOrEqual(0.77);
    expect(plausible / placed).toBeGreaterThanOrEqual(0.9);
  });
});
