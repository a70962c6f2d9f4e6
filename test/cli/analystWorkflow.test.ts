import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runIn, type CliRun } from './capture.js';

// The README's analyst workflow, in Chinese names only, on an imported 企查查-style list and the embedded 聊城 data:
// import → rank → whatif → plan → handbook, every file written where Excel or a browser opens it.
const dir = mkdtempSync(join(tmpdir(), 'ct-workflow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: readonly string[]): Promise<CliRun> => runIn(args, dir);

const LIST = [
  '企业名称,统一社会信用代码,所属省份,所属城市,国标行业小类,主营产品,参保人数',
  '江苏精工机器人轴承有限公司,-,江苏省,苏州市,C3451 滚动轴承制造,交叉滚子轴承；机器人轴承,420',
  '浙江某某风电轴承股份有限公司,-,浙江省,杭州市,C3451 滚动轴承制造,风电主轴轴承；偏航轴承,1800',
  '洛阳某某精密轴承有限公司,-,河南省,洛阳市,C3451 滚动轴承制造,精密轴承；主轴轴承,900',
  '某某农村商业银行股份有限公司,-,山东省,济南市,J6621 商业银行服务,-,-',
  '临清某某保持器有限公司,-,山东省,聊城市,C3451 滚动轴承制造,轴承保持器,60',
].join('\r\n');

describe('the analyst workflow in Chinese names', () => {
  it('runs from import to handbook on one imported list', async () => {
    writeFileSync(join(dir, '名单.csv'), `\uFEFF${LIST}\r\n`);
    const imp = await cli(['import', '名单.csv', '--out', '名单.json', '--report', '报告.csv']);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('5 行 → 新增 4（其中本地企业 1），链外 1');
    expect(readFileSync(join(dir, '报告.csv'), 'utf8').startsWith('\uFEFF行号,企业名称,结果')).toBe(true);

    const rank = await cli(['rank', '--companies', '名单.json', '--industry', '高端轴承', '--weights', '补短板', '--out', '排序.xlsx']);
    expect(rank.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '排序.xlsx'));
    const names = wb.worksheets[0]!.getColumn(2).values.slice(2);
    // The bank is off-chain and the 临清 firm is local: neither is a target.
    expect(names).toEqual(expect.arrayContaining(['江苏精工机器人轴承有限公司', '浙江某某风电轴承股份有限公司', '洛阳某某精密轴承有限公司']));
    expect(names).not.toContain('某某农村商业银行股份有限公司');
    expect(names).not.toContain('临清某某保持器有限公司');

    const what = await cli(['whatif', '--companies', '名单.json', '--land', '江苏精工机器人轴承有限公司@机器人轴承@临清']);
    expect(what.code).toBe(0);
    expect(what.stdout).toContain('机器人轴承');

    const plan = await cli(['plan', '--companies', '名单.json', '--industry', '高端轴承', '--top', '3', '--days', '3', '--out', '行程.xlsx', '--format', 'json']);
    expect(plan.code).toBe(0);
    const p = JSON.parse(plan.stdout) as { itinerary: { day: number }[]; travelDays: number; chosen: unknown[] };
    expect(p.chosen.length).toBeGreaterThan(0);
    expect(p.itinerary.length + p.travelDays).toBeLessThanOrEqual(3);
    expect(existsSync(join(dir, '行程.xlsx'))).toBe(true);

    const book = await cli(['handbook', '--companies', '名单.json', '--industry', '高端轴承', '--out', '手册']);
    expect(book.code).toBe(0);
    expect(readFileSync(join(dir, '手册', 'index.html'), 'utf8')).toContain('江苏精工机器人轴承有限公司');
  });
});
