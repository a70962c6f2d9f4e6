import Papa from 'papaparse';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/runCli.js';
import { Company } from '../../../src/schema/company.js';
import { fixture } from './helpers.js';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd });
  return { code, stdout, stderr };
}

describe('chain-targeting import', () => {
  let dir: string;
  const data = ['--data', fixture('dataset')];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-import-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 without a file, and on a mapping file that is not a mapping', async () => {
    expect((await run(['import', ...data], dir)).code).toBe(2);
    await writeFile(join(dir, 'bad-mapping.json'), JSON.stringify({ 企业名称: 'nonsense-field' }));
    const r = await run(['import', fixture('mixed.csv'), '--mapping', 'bad-mapping.json', ...data], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/USAGE/);
  });

  it('exits 1 with IMPORT_FAILED on a file it cannot import', async () => {
    await writeFile(join(dir, 'no-name.csv'), 'a,b\n1,2\n');
    const r = await run(['import', 'no-name.csv', ...data], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/IMPORT_FAILED/);
  });

  it('writes companies for rank, a row-by-row report Excel opens, and tagging evidence; prints a Chinese summary', async () => {
    const r = await run(['import', fixture('mixed.csv'), '--out', 'targets.json', '--report', 'rejects.csv', '--tags', 'tags.csv', ...data], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 行 → 新增 5（其中本地企业 1），链外 0，合并 2，拒绝 5');
    const companies = JSON.parse(await readFile(join(dir, 'targets.json'), 'utf8')) as unknown[];
    expect(Array.isArray(companies)).toBe(true);
    expect(companies).toHaveLength(6);
    for (const c of companies) expect(Company.safeParse(c).success).toBe(true);
    const report = await readFile(join(dir, 'rejects.csv'), 'utf8');
    expect(report.startsWith('\uFEFF行号,企业名称,结果,列,值,问题,说明\r\n')).toBe(true);
    // Every data row is listed with its outcome (12 rows), plus its warnings; the formula is neutralised for Excel.
    const lines = Papa.parse<string[]>(report.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']));
    expect(lines.find((l) => l[0] === '10')).toEqual(['10', '无地址科技有限公司', '拒绝', '所属城市', '', 'missing-location', expect.stringContaining('缺少总部城市')]);
    expect(lines.find((l) => l[0] === '2')?.slice(0, 3)).toEqual(['2', '聊城铝业科技有限公司', '本地企业']);
    expect(report).toContain(`"'=HYPERLINK(`);
    expect(report).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const tags = await readFile(join(dir, 'tags.csv'), 'utf8');
    expect(tags).toContain('al-extrusion');
  });

  it('prints the whole result as JSON, and the report as CSV', async () => {
    const json = await run(['import', fixture('gbk.csv'), '--format', 'json', ...data], dir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { stats: unknown; companies: unknown[]; meta: { encoding: string } };
    expect(parsed.stats).toEqual({ rows: 3, accepted: 3, merged: 0, rejected: 0, offChain: 0, local: 1 });
    expect(parsed.meta.encoding).toBe('gb18030');
    expect(parsed.companies).toHaveLength(3);
    const csv = await run(['import', fixture('mixed.csv'), '--format', 'csv', '--lang', 'en', ...data], dir);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFRow,Company,Outcome,Column,Value,Code,Message');
  });

  it('feeds rank --companies with its output', async () => {
    await run(['import', fixture('mixed.csv'), '--out', 'ranked-input.json', ...data], dir);
    const r = await run(['rank', '--companies', 'ranked-input.json', '--format', 'json', ...data], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ABC123科技有限公司');
  });

  it('without --out writes the companies to a default file beside the input name and says where', async () => {
    const r = await run(['import', fixture('mixed.csv'), ...data], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已写入企业：mixed.companies.json');
    expect(r.stdout).toContain('下一步：chain-targeting rank --companies mixed.companies.json');
    const companies = JSON.parse(await readFile(join(dir, 'mixed.companies.json'), 'utf8')) as unknown[];
    expect(companies).toHaveLength(6);
  });

  it('one imported list flows through plan, handbook and whatif too (--companies FILE; plan counts with --top)', async () => {
    await run(['import', fixture('mixed.csv'), '--out', 'list.json', ...data], dir);
    const plan = await run(['plan', '--companies', 'list.json', '--top', '2', '--days', '1', '--format', 'json', ...data], dir);
    expect(plan.code).toBe(0);
    const p = JSON.parse(plan.stdout) as { chosen: { id: string; name: string }[] };
    expect(p.chosen.length).toBeGreaterThan(0);
    expect(p.chosen.length).toBeLessThanOrEqual(2);
    // Only imported companies can be chosen: the local 聊城 firm is set apart, the others come from the file.
    const ids = new Set((JSON.parse(await readFile(join(dir, 'list.json'), 'utf8')) as { id: string }[]).map((c) => c.id));
    for (const c of p.chosen) expect(ids.has(c.id)).toBe(true);
    const book = await run(['handbook', '--companies', 'list.json', '--out', 'book', '--format', 'json', ...data], dir);
    expect(book.code).toBe(0);
    const html = await readFile(join(dir, 'book', 'index.html'), 'utf8');
    expect(html).toContain('ABC123科技有限公司');
    const what = await run(['whatif', '--companies', 'list.json', '--land', 'ABC123科技有限公司@energy-storage@东昌府区', '--format', 'json', ...data], dir);
    expect(what.code).toBe(0);
    expect(what.stdout).toContain('ABC123科技有限公司');
    // A bad list is refused with its file and row, as rank does.
    await writeFile(join(dir, 'bad.json'), JSON.stringify([{ id: 'x', name: '某' }]));
    const bad = await run(['plan', '--companies', 'bad.json', ...data], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.json');
  });
});
