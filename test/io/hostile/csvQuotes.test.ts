import { describe, expect, it } from 'vitest';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import { readCsv, splitLenient } from '../../../src/io/import/readCsv.js';
import { importDataset } from '../import/helpers.js';

const NAMES = ['聊城铝业科技有限公司', '临清轴承制造有限公司', '济南重工机械有限公司', '烟台海洋化工有限公司', '宁德电池材料有限公司', '深圳储能科技有限公司', '上海汽车零部件有限公司', '北京新材料科技有限公司', '聊城纸业有限公司', '东昌府精工机械有限公司'];
const CITIES = ['聊城', '临清', '济南', '烟台', '宁德', '深圳', '上海', '北京', '聊城', '聊城'];

function csv(names: readonly string[]): string {
  return `企业名称,所属城市\n${names.map((n, i) => `${n},${CITIES[i % CITIES.length]}`).join('\n')}\n`;
}

describe('CSV that cannot swallow rows', () => {
  it('one unbalanced quote on data row 3 of 10: all 10 rows are accounted for and accepted', async () => {
    const names = [...NAMES];
    names[2] = '"济南重工机械有限公司';
    const r = await importCompanies(Buffer.from(csv(names)), { fileName: 'q.csv', dataset: await importDataset(), dedupe: false, tag: false });
    expect(r.stats.rows).toBe(10);
    expect(r.stats.rows).toBe(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain);
    expect(r.stats).toMatchObject({ rows: 10, accepted: 10, merged: 0, rejected: 0, offChain: 0 });
    expect(r.companies.map((c) => c.name)).toEqual(expect.arrayContaining(NAMES.filter((_, i) => i !== 2)));
    // Record 4 (data row 3) opened a quote that never closes; it and the 7 lines after it are read line by line.
    expect(r.warnings.find((w) => w.code === 'quotes-repaired')).toMatchObject({ count: 8, message: expect.stringContaining('(rows 4, 5, 6, 7, 8, 9, 10, 11)') });
  });

  it('"华为"技术有限公司 and 阿里"巴巴" style names: 5 rows in, 5 seen, 5 accepted', async () => {
    const names = ['"聊城"铝业科技有限公司', '临清"轴承"制造有限公司', '"济南"重工机械有限公司', '烟台海洋化工"有限公司"', '宁德电池材料有限公司'];
    const r = await importCompanies(Buffer.from(csv(names)), { fileName: 'q.csv', dataset: await importDataset(), dedupe: false, tag: false });
    expect(r.stats).toMatchObject({ rows: 5, accepted: 5, merged: 0, rejected: 0, offChain: 0 });
    expect(r.companies.map((c) => c.name)).toEqual(['聊城铝业科技有限公司', '临清"轴承"制造有限公司', '济南重工机械有限公司', '烟台海洋化工"有限公司"', '宁德电池材料有限公司']);
  });

  it('a short comma file whose notes hold semicolons is still read with commas (the header decides)', () => {
    // papaparse alone guesses ';' here (the empty cells make the comma widths look uneven to it).
    const text = '企业名称,省份,城市,主营产品,营业收入,备注\n武汉红桃开集团,湖北省,武汉市,软骨素,,签约（landed; not in companies.json; legal name not given）\n美国RTK科技公司,美国,,挂车车轴总成,,合资（landed; not in companies.json; HQ city not given）\n';
    const sheet = readCsv(text);
    expect(sheet.rows.map((r) => r.cells.length)).toEqual([6, 6, 6]);
    expect(sheet.rows[1]?.cells[0]).toBe('武汉红桃开集团');
    // A real semicolon file still reads as one.
    expect(readCsv('企业名称;省份\n甲公司;山东省\n乙公司;河北省\n').rows.map((r) => r.cells)).toEqual([['企业名称', '省份'], ['甲公司', '山东省'], ['乙公司', '河北省']]);
  });

  it('a malformed line keeps its company name in the report (best effort), so the analyst knows which firm to fix', async () => {
    const text = '企业名称,所属城市\n聊城铝业科技有限公司,聊城,多余,更多\n临清轴承制造有限公司,临清\n';
    const r = await importCompanies(Buffer.from(text), { fileName: 'm.csv', dataset: await importDataset(), dedupe: false, tag: false });
    expect(r.rejected).toMatchObject([{ row: 2, code: 'malformed-row', name: '聊城铝业科技有限公司' }]);
  });

  it('a quote that finds a partner rows later (balanced, right width) does not merge those rows', () => {
    const sheet = readCsv('a,b\n1,"x\n2,y\n3,z"\n4,w\n');
    expect(sheet.rows.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '"x'], ['2', 'y'], ['3', 'z"'], ['4', 'w']]);
  });

  it('keeps a genuine multi-line quoted cell (an address with a line break) as one row', () => {
    const sheet = readCsv('企业名称,地址\n聊城铝业科技有限公司,"山东省聊城市\n东昌府区 1 号"\n临清轴承制造有限公司,临清\n');
    expect(sheet.rows.map((r) => r.cells)).toEqual([['企业名称', '地址'], ['聊城铝业科技有限公司', '山东省聊城市\n东昌府区 1 号'], ['临清轴承制造有限公司', '临清']]);
    expect(sheet.warnings).toEqual([]);
    const withComma = readCsv('企业名称,地址\n甲,"山东省,聊城市\n东昌府区"\n乙,临清\n');
    expect(withComma.rows.map((r) => r.cells)).toEqual([['企业名称', '地址'], ['甲', '山东省,聊城市\n东昌府区'], ['乙', '临清']]);
  });

  it('an unclosed quote at the very end leaves every earlier row alone; a line that cannot fit is rejected on its own row', () => {
    const sheet = readCsv('a,b\n1,x\n2,"y,z\n3,w\n');
    expect(sheet.rows.map((r) => [r.row, r.cells, r.malformed !== undefined])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['1', 'x'], false],
      [3, ['2', '"y', 'z'], true],
      [4, ['3', 'w'], false],
    ]);
  });

  it('stays linear: 100,000 LF-only rows, clean or with a stray quote on row 3, read in seconds', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `聊城铝业科技有限公司${i},聊城,${i}`);
    for (const text of [`企业名称,所属城市,营业收入\n${rows.join('\n')}\n`, `企业名称,所属城市,营业收入\n${rows.map((r, i) => (i === 2 ? `"${r}` : r)).join('\n')}\n`]) {
      expect(readCsv(text).rows.length).toBe(100_001);
    }
  });

  it('never ends a record between the CR and LF of one line break (stray CRs in a CRLF file)', () => {
    // Found by the fuzz suite: papaparse guessed CR as the line break and the rows outnumbered the lines.
    const text = '企业名称,所属城市,营业收入\r\n\r,\r\n\r,"华为"技术有限公司';
    expect(readCsv(text).rows.length).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length);
  });

  it('splits a line leniently', () => {
    expect(splitLenient('"华为"技术有限公司,深圳', ',')).toEqual({ cells: ['华为技术有限公司', '深圳'], clean: false });
    expect(splitLenient('阿里"巴巴",杭州', ',')).toEqual({ cells: ['阿里"巴巴"', '杭州'], clean: true });
    expect(splitLenient('"a ""b"", c",d', ',')).toEqual({ cells: ['a "b", c', 'd'], clean: true });
    expect(splitLenient('"open,x', ',')).toEqual({ cells: ['"open', 'x'], clean: false });
    expect(splitLenient('', ',')).toEqual({ cells: [''], clean: true });
  });
});
