import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/io/import/decodeText.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { BOM_CSV, GBK_CSV } from '../../fixtures/import/make-fixtures.js';
import { fixture, importDataset } from './helpers.js';

let ds: Dataset;
beforeAll(async () => {
  ds = await importDataset();
});

describe('decodeText', () => {
  it('detects UTF-8 with and without BOM, GBK, Big5 and UTF-16, and honours a forced encoding', () => {
    expect(decodeText(new TextEncoder().encode('企业名称'))).toEqual({ text: '企业名称', encoding: 'utf-8', guessed: false, replaced: 0 });
    expect(decodeText(new TextEncoder().encode('\uFEFF企业名称')).text).toBe('企业名称');
    const gbk = decodeText(iconv.encode('企业名称,营业收入\n宁德时代新能源科技股份有限公司,5000万元\n', 'gbk'));
    expect(gbk).toMatchObject({ encoding: 'gb18030', guessed: true, replaced: 0 });
    expect(gbk.text.startsWith('企业名称')).toBe(true);
    const big5 = decodeText(iconv.encode('企業名稱,營業收入\n台灣積體電路製造股份有限公司,一千億\n鴻海精密工業股份有限公司,兩千億\n', 'big5'));
    expect(big5.text).toContain('台灣積體電路製造');
    expect(decodeText(iconv.encode('\uFEFF企业', 'utf-16le')).text).toBe('企业');
    expect(decodeText(iconv.encode('企业', 'gbk'), 'gbk')).toMatchObject({ text: '企业', guessed: false });
  });
});

describe('encodings of real exports', () => {
  it('imports the GBK CSV (Excel on Chinese Windows): 3 rows, all accepted, read as GB18030', async () => {
    const bytes = await readFile(fixture('gbk.csv'));
    expect(iconv.decode(bytes, 'gbk')).toBe(GBK_CSV); // the committed file is what make-fixtures.ts writes
    const r = await importCompanies(fixture('gbk.csv'), { dataset: ds });
    expect(r.stats).toEqual({ rows: 3, accepted: 3, merged: 0, rejected: 0, offChain: 0, local: 1 });
    expect(r.meta.encoding).toBe('gb18030');
    expect(r.warnings.map((w) => w.code)).toContain('encoding-guessed');
    expect(r.companies.map((c) => [c.name, c.hq.city, c.revenue])).toEqual([
      ['聊城鲁西轮胎有限公司', '聊城市', 2.5],
      ['济南储能科技有限公司', '济南市', 0.8],
      ['烟台铝箔制品有限公司', '烟台市', undefined],
    ]);
    expect(r.companies.map((c) => c.segments)).toEqual([['tyres'], ['energy-storage'], ['al-sheet']]);
  });

  it('imports the BOM CSV without the BOM leaking into the first header', async () => {
    expect((await readFile(fixture('bom.csv'), 'utf8')).replace(/^\uFEFF/, '')).toBe(BOM_CSV.slice(1));
    const r = await importCompanies(fixture('bom.csv'), { dataset: ds });
    expect(r.meta.columns[0]).toEqual({ header: '企业名称', field: 'name' });
    expect(r.stats).toEqual({ rows: 2, accepted: 2, merged: 0, rejected: 0, offChain: 0, local: 0 });
    expect(r.companies.map((c) => [c.hq.province, c.hq.city])).toEqual([
      ['广东省', '深圳市'],
      ['上海市', '上海市'],
    ]);
  });

  it('reads a tab-separated export', async () => {
    const tsv = new TextEncoder().encode('企业名称\t所属城市\n聊城鲁西轮胎有限公司\t聊城\n');
    const r = await importCompanies(tsv, { dataset: ds, fileName: 'x.tsv' });
    expect(r.stats.accepted).toBe(1);
  });
});
