// Fuzzing importCompanies: random bytes, random CSV/JSON/XLSX structures and the hostile shapes of issue 21.
// Every call must give a result whose counts add up to the rows read, or a ChainTargetingError with a code
// (IMPORT_FAILED for a file that cannot be imported), within the time bound — never another exception.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCompanies } from '../../src/io/import/importCompanies.js';
import { readCsv } from '../../src/io/import/readCsv.js';
import type { ImportResult } from '../../src/io/import/types.js';
import { Company } from '../../src/schema/company.js';
import type { Dataset } from '../../src/schema/dataset.js';
import { importDataset } from '../io/import/helpers.js';
import { fuzzRuns, typedOrResult } from './fuzzRuns.js';

let ds: Dataset;
beforeAll(async () => {
  ds = await importDataset();
});

function expectAccounted(r: ImportResult): void {
  expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(r.stats.rows);
  expect(new Set(r.rejected.map((x) => x.row)).size).toBe(r.stats.rejected);
  for (const c of r.companies) expect(Company.safeParse(c).success).toBe(true);
}

async function importChecked(source: Parameters<typeof importCompanies>[0], options: Parameters<typeof importCompanies>[1]): Promise<ImportResult | undefined> {
  const r = await typedOrResult(() => importCompanies(source, options), ['IMPORT_FAILED']);
  if (r !== undefined) expectAccounted(r);
  return r;
}

const NAMES = ['聊城铝业科技有限公司', '临清轴承制造有限公司', '济南重工机械有限公司', '烟台海洋化工有限公司', '宁德电池材料有限公司', '深圳储能科技有限公司'];
const CITIES = ['聊城', '临清', '济南', '烟台', '宁德', '深圳', '火星'];
/** Cells an attacker or a careless export would produce. */
const hostileCell = fc.oneof(
  fc.constantFrom(...NAMES, ...CITIES),
  fc.constantFrom('"华为"技术有限公司', '阿里"巴巴"', '"聊城铝业', '铝业"', '""', '"', '"a,b"', '"a\nb"', '\r', '\uFEFF', '\u001b]0;pwned\u0007', '\u001b[2J'),
  fc.constantFrom("-2+3+cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", '@SUM(1)', '+1', '-0.5', '-5,000万元', '1e308', '合计', '-', '\uFFFD'),
  fc.string({ maxLength: 8 }),
  fc.string({ maxLength: 4, unit: 'grapheme' }),
);

describe('fuzz: importCompanies', () => {
  it('random bytes, any format: counts add up or IMPORT_FAILED', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(undefined, 'csv', 'xlsx', 'json'), async (bytes, format) => {
        await importChecked(bytes, { asOf: '2026', ...(format ? { format } : {}) });
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it('random CSV of hostile cells (any delimiter, CRLF or LF): counts add up, never more rows than lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(hostileCell, { minLength: 1, maxLength: 5 }), { maxLength: 25 }), fc.constantFrom(',', '\t', ';'), fc.constantFrom('\n', '\r\n'), async (rows, d, eol) => {
        const text = `企业名称${d}所属城市${d}营业收入${eol}${rows.map((r) => r.join(d)).join(eol)}`;
        const r = await importChecked(Buffer.from(text), { dataset: ds, format: 'csv' });
        if (r !== undefined) expect(r.stats.rows).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length);
      }),
      { numRuns: fuzzRuns(120) },
    );
  });

  it('stray quotes in names never swallow rows: every physical data line is a row', async () => {
    const name = fc.constantFrom('"华为"技术有限公司', '阿里"巴巴"', '"聊城铝业科技有限公司', '临清轴承"制造"有限公司', '济南重工机械有限公司"', ...NAMES);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, fc.constantFrom(...CITIES)), { minLength: 1, maxLength: 30 }), async (rows) => {
        const text = `企业名称,所属城市\n${rows.map(([n, c]) => `${n},${c}`).join('\n')}\n`;
        expect(readCsv(text).rows.length).toBe(rows.length + 1);
        const r = await importChecked(Buffer.from(text), { dataset: ds, format: 'csv', tag: false });
        expect(r?.stats.rows).toBe(rows.length);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('random JSON records, deep and wide values included: counts add up or IMPORT_FAILED', async () => {
    // Deep values travel as a marker string, replaced by the brackets in the text (a marker cannot be a generated key).
    const value = fc.oneof(hostileCell, fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 1, max: 200 }).map((d) => `@@deep:${d}@@`));
    const record = fc.oneof(fc.dictionary(fc.constantFrom('企业名称', '所属城市', '营业收入', 'hq', '__proto__', 'constructor', 'x'), value, { maxKeys: 6 }), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 15 }), fc.boolean(), async (records, asText) => {
        const text = JSON.stringify(records).replace(/"@@deep:(\d+)@@"/g, (_, d: string) => '['.repeat(Number(d)) + ']'.repeat(Number(d)));
        if (asText) await importChecked(Buffer.from(text), { dataset: ds, format: 'json' });
        else {
          const r = await importChecked(JSON.parse(text) as Record<string, unknown>[], { dataset: ds });
          if (r !== undefined) expect(r.stats.rows).toBe(records.length);
        }
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it('random XLSX workbooks (cells anywhere up to the limits) and mutated workbook bytes', async () => {
    const cellArb = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.oneof(hostileCell, fc.double(), fc.date({ noInvalidDate: true })));
    await fc.assert(
      fc.asyncProperty(fc.array(cellArb, { maxLength: 30 }), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))), fc.boolean(), async (cells, flip, far) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('名单');
        ws.addRow(['企业名称', '所属城市']);
        for (const [r, c, v] of cells) ws.getCell(r + 1, c).value = v;
        if (far) ws.getCell('XFD1048576').value = 'x';
        const bytes = Buffer.from(await wb.xlsx.writeBuffer());
        if (flip !== null) bytes[flip[0] % bytes.length] = flip[1];
        const r = await importChecked(bytes, { dataset: ds, format: 'xlsx' });
        if (far && flip === null) expect(r).toBeUndefined();
      }),
      { numRuns: fuzzRuns(25) },
    );
  });
});
