import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { ChainTargetingError } from '../../../src/errors.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { ImportResult } from '../../../src/io/import/types.js';
import { Company } from '../../../src/schema/company.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { importDataset } from './helpers.js';

let ds: Dataset;
beforeAll(async () => {
  ds = await importDataset();
});

/** The invariants every import result keeps. */
function expectAccounted(r: ImportResult): void {
  expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(r.stats.rows);
  const rejectedRows = new Set(r.rejected.map((x) => x.row));
  const mergedRows = new Set(r.merged.map((m) => m.row));
  expect(rejectedRows.size).toBe(r.stats.rejected);
  expect(mergedRows.size).toBe(r.stats.merged);
  for (const row of mergedRows) expect(rejectedRows.has(row)).toBe(false);
  // The row-by-row report names every data row with exactly one outcome.
  const outcomes = new Map<number, Set<string>>();
  for (const x of r.report) outcomes.set(x.row, (outcomes.get(x.row) ?? new Set()).add(x.outcome));
  expect(outcomes.size).toBe(r.stats.rows);
  for (const set of outcomes.values()) expect(set.size).toBe(1);
  expect([...outcomes.values()].filter((o) => o.has('off-chain')).length).toBe(r.stats.offChain);
  const ids = r.companies.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of r.companies) expect(Company.safeParse(c).success).toBe(true);
}

/** Either a result that accounts for every row, or an IMPORT_FAILED error: nothing else may escape. */
async function importOrFail(run: () => Promise<ImportResult>): Promise<ImportResult | undefined> {
  try {
    const r = await run();
    expectAccounted(r);
    return r;
  } catch (error) {
    expect(error).toBeInstanceOf(ChainTargetingError);
    expect((error as ChainTargetingError).code).toBe('IMPORT_FAILED');
    return undefined;
  }
}

const HEADERS = ['企业名称', '所属省份', '所属城市', '营业收入', '注册资本(万元)', '经营范围', '主营产品', '企业类型', '榜单', '统一社会信用代码', '登记状态', 'company', 'city', '奇怪列'];
const VALUES = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('聊城铝业有限公司', '寧德時代新能源科技股份有限公司', '=HYPERLINK("x")', '山东', '聊城', '深圳', '上海', '—', '', '5,000万元', 'US$95m', '-3亿', '1e99', '合计', '民营企业', '世界500强', '注销', '铝型材', '91370000X'),
  fc.integer().map(String),
  fc.constant(null),
  fc.double({ noNaN: false }),
);
const rowArb = fc.dictionary(fc.constantFrom(...HEADERS), VALUES, { maxKeys: 8 });

describe('importCompanies never drops a row and never throws an unexpected error', () => {
  test.prop([fc.uint8Array({ maxLength: 600 }), fc.constantFrom(undefined, 'csv', 'xlsx', 'json')], { numRuns: 60 })(
    'random bytes in any format give a result accounting for every row, or IMPORT_FAILED',
    async (bytes, format) => {
      await importOrFail(() => importCompanies(bytes, { asOf: '2026', ...(format ? { format } : {}) }));
    },
  );

  test.prop([fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 })], { numRuns: 40 })('random CSV lines under a real header are all accounted for', async (lines) => {
    const text = `企业名称,所属城市,营业收入\n${lines.join('\n')}`;
    const r = await importOrFail(() => importCompanies(new TextEncoder().encode(text), { dataset: ds, format: 'csv' }));
    expect(r).toBeDefined();
  });

  test.prop([fc.array(rowArb, { minLength: 1, maxLength: 15 })], { numRuns: 60 })('random rows: every row accepted, merged or rejected, companies valid', async (rows) => {
    const withName = [{ 企业名称: '聊城铝业科技有限公司', 所属城市: '聊城' }, ...rows];
    const r = await importOrFail(() => importCompanies(withName, { dataset: ds }));
    expect(r?.stats.rows).toBe(withName.length);
  });
});
