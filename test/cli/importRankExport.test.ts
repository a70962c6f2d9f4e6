import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runIn, type CliRun } from './capture.js';

// Issue 13 "done when", end to end through the CLI: a 企查查-shaped GBK CSV of a few hundred firms is imported, then
// `rank --companies` ranks the result. The list holds what real exports hold and what once stopped `rank`: a
// province-only HQ written the way Tushare and Wind write it (内蒙, city '-'), and a row that merges into a company
// of the embedded data whose group (parent) the imported file does not hold.
const dir = mkdtempSync(join(tmpdir(), 'ct-import-rank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: readonly string[]): Promise<CliRun> => runIn(args, dir);

const HEADER = ['序号', '企业名称', '登记状态', '注册资本', '成立日期', '统一社会信用代码', '所属省份', '所属城市', '所属区县', '国标行业门类', '国标行业大类', '国标行业中类', '国标行业小类', '参保人数', '企业(机构)类型'];
const CITIES = [['江苏省', '苏州市'], ['浙江省', '宁波市'], ['河南省', '洛阳市'], ['广东省', '佛山市']] as const;
const BEARINGS = 300;
const rows: string[][] = [];
for (let i = 0; i < BEARINGS; i++) {
  const [province, city] = CITIES[i % CITIES.length]!;
  rows.push(['', `${city.slice(0, 2)}精工${String(i).padStart(3, '0')}号轴承有限公司`, '存续', '2000万元人民币', '2012-05-05', '-', province, city, '-', 'C 制造业', 'C34 通用设备制造业', 'C345 轴承、齿轮和传动部件制造', 'C3451 滚动轴承制造', '150', '有限责任公司']);
}
rows.push(['', '内蒙古某某稀土轴承有限公司', '存续', '-', '-', '-', '内蒙', '-', '-', 'C 制造业', 'C34 通用设备制造业', '-', 'C3451 滚动轴承制造', '-', '-']);
rows.push(['', '云南铝业股份有限公司', '存续', '346827.27万元人民币', '1998-03-20', '-', '云南省', '昆明市', '-', 'C 制造业', 'C32 有色金属冶炼和压延加工业', 'C321 常用有色金属冶炼', 'C3216 铝冶炼', '-', '股份有限公司(上市)']);
rows.push(['', '某某农村商业银行股份有限公司', '存续', '100000万元人民币', '2005-01-01', '-', '山东省', '济南市', '-', 'J 金融业', 'J66 货币金融服务', '-', 'J6621 商业银行服务', '2000', '-']);
rows.push(['', '临清某某保持器有限公司', '存续', '500万元人民币', '2008-01-01', '-', '山东省', '聊城市', '临清市', 'C 制造业', 'C34 通用设备制造业', '-', 'C3451 滚动轴承制造', '80', '-']);
rows.push(['', '某某已注销轴承有限公司', '注销', '-', '-', '-', '山东省', '济南市', '-', '-', '-', '-', '-', '-', '-']);
rows.forEach((r, i) => (r[0] = String(i + 1)));

describe('a 企查查-shaped GBK list of a few hundred firms, imported and ranked', () => {
  it('accounts for every row in a report Excel opens, and rank sets the off-chain and local firms aside', async () => {
    writeFileSync(join(dir, '名单.csv'), iconv.encode(Papa.unparse([HEADER, ...rows]), 'gbk'));
    const imp = await cli(['import', '名单.csv', '--out', '名单.json', '--report', '报告.csv']);
    expect(imp.code).toBe(0);
    const n = rows.length;
    // 300 bearings + 内蒙 (province only) + 临清 (local) are new, 云南铝业 merges into the known company, the bank is
    // off-chain, the 注销 row is rejected.
    expect(imp.stdout).toContain(`${n} 行 → 新增 ${BEARINGS + 2}（其中本地企业 1），链外 1，合并 1，拒绝 1`);

    const report = readFileSync(join(dir, '报告.csv'), 'utf8');
    expect(report.startsWith('\uFEFF行号,企业名称,结果,列,值,问题,说明')).toBe(true);
    const lines = Papa.parse<Record<string, string>>(report.slice(1), { header: true, skipEmptyLines: true }).data;
    // Every data row (2 … n + 1) is in the report, each with one outcome.
    const outcome = new Map<string, Set<string>>();
    for (const l of lines) outcome.set(l['行号']!, (outcome.get(l['行号']!) ?? new Set()).add(l['结果']!));
    expect(outcome.size).toBe(n);
    expect([...outcome.values()].every((s) => s.size === 1)).toBe(true);
    const counts = new Map<string, number>();
    for (const s of outcome.values()) for (const v of s) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 新增目标: BEARINGS + 1, 本地企业: 1, 合并: 1, 链外企业: 1, 拒绝: 1 });

    const rank = await cli(['rank', '--companies', '名单.json', '--top', String(n), '--format', 'json']);
    expect(rank.stderr).not.toContain('错误');
    expect(rank.code).toBe(0);
    const ranked = (JSON.parse(rank.stdout) as { items: { name: string }[] }).items.map((r) => r.name);
    expect(ranked).toHaveLength(BEARINGS + 2);
    expect(ranked).toEqual(expect.arrayContaining(['内蒙古某某稀土轴承有限公司', '云南铝业股份有限公司']));
    expect(ranked).not.toContain('某某农村商业银行股份有限公司');
    expect(ranked).not.toContain('临清某某保持器有限公司');
    // What rank let through is said, not hidden: the parent the file does not hold. A province-only HQ is no longer a
    // problem to warn about: proximity reads the province's mean position and says so in the reasons.
    expect(rank.stderr).not.toContain('hq.city');
    expect(rank.stderr).toContain('parent');
  }, 60_000);
});
