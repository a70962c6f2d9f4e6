import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, mostlyUtf8 } from '../../../src/io/import/decodeText.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import { fixture, importDataset } from '../import/helpers.js';

const CSV = '企业名称,所属城市\n聊城铝业科技有限公司,聊城\n临清轴承制造有限公司,临清\n济南重工机械有限公司,济南\n烟台海洋化工有限公司,烟台\n';

describe('encodings: decided per file with evidence, never silently garbled', () => {
  it('a UTF-8 file with one invalid byte is read as UTF-8, the row with the bad byte named (was: re-read as Big5)', async () => {
    const good = Buffer.from(CSV);
    const at = good.indexOf(Buffer.from('济南重工'));
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    expect(decodeText(bytes)).toMatchObject({ encoding: 'utf-8', guessed: false, replaced: 1 });
    const r = await importCompanies(bytes, { fileName: 'one-bad-byte.csv', dataset: await importDataset(), tag: false });
    expect(r.meta.encoding).toBe('utf-8');
    expect(r.stats.rows).toBe(4);
    expect(r.companies.map((c) => c.name).slice(0, 2)).toEqual(['聊城铝业科技有限公司', '临清轴承制造有限公司']);
    const w = r.warnings.find((x) => x.code === 'encoding-replaced');
    expect(w).toMatchObject({ count: 1, message: '1 undecodable character(s) replaced by � (rows 4; check those cells)' });
    expect(r.warnings.map((x) => x.code)).not.toContain('encoding-guessed');
  });

  it('GBK / GB18030 and Big5 files are still detected', async () => {
    expect(decodeText(readFileSync(fixture('gbk.csv')))).toMatchObject({ encoding: 'gb18030', guessed: true, replaced: 0 });
    expect(decodeText(iconv.encode(CSV, 'gbk'))).toMatchObject({ text: CSV, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(CSV, 'gb18030'))).toMatchObject({ text: CSV, encoding: 'gb18030' });
    const big5 = '企業名稱,營業收入\n台灣積體電路製造股份有限公司,一千億\n鴻海精密工業股份有限公司,兩千億\n';
    expect(decodeText(iconv.encode(big5, 'big5'))).toMatchObject({ text: big5, encoding: 'big5' });
  });

  it('weighs the evidence: GBK bytes are not mostly UTF-8; UTF-8 with 1 bad byte in 100 is', () => {
    expect(mostlyUtf8(iconv.encode(CSV.repeat(20), 'gbk'))).toBe(false);
    expect(mostlyUtf8(Buffer.concat([Buffer.from('企业'.repeat(20)), Buffer.from([0xc3])]))).toBe(true);
    expect(mostlyUtf8(Buffer.from([0x41, 0xff]))).toBe(false);
  });
});
