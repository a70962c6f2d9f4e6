import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderRows } from '../../src/cli/output.js';
import { WHATIF_FIXTURE_DIR } from '../whatif/fixture.js';
import { cli } from './capture.js';


/** Read a CLI CSV back as Excel would: BOM required, CRLF line ends, then parsed by papaparse. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const body = csv.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  // Every line end outside quoted cells is CRLF: no bare LF after removing CRLF pairs (cells here hold no newlines).
  expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const isNumber = (s: string): boolean => s.trim() !== '' && Number.isFinite(Number(s));

describe('Excel-ready CSV', () => {
  it('rank: Chinese headers, numbers as numbers (negative contributions included), text neutralised only', async () => {
    const r = await cli(['rank', '--format', 'csv', '--top', '500', '--include-local']);
    expect(r.code).toBe(0);
    const [header, ...rows] = readBack(r.stdout);
    expect(header!.slice(0, 4)).toEqual(['名次', '企业', '总部', '得分']);
    for (const h of ['缺口匹配', '链上协同', '风险', '匹配缺口', '理由', '招商方式']) expect(header).toContain(h);
    const numeric = ['名次', '得分', '缺口匹配', '链上协同', '企业规模', '发展动能', '区位邻近', '政策契合', '关联关系', '风险'].map((h) => header!.indexOf(h));
    for (const row of rows) for (const k of numeric) expect(isNumber(row[k]!), `${header![k]} = ${row[k]}`).toBe(true);
    const risk = rows.map((row) => Number(row[header!.indexOf('风险')]));
    expect(risk.some((x) => x < 0)).toBe(true);
    expect(r.stdout).not.toMatch(/'-\d/);
    expect(rows[0]![header!.indexOf('总部')]).not.toBe('');
    // 所属集团 (issue 17): a subsidiary shows its group, so group members can be filtered together
    const groupOf = (id: string) => rows.find((row) => row[header!.indexOf('id')] === id)?.[header!.indexOf('所属集团')];
    expect(groupOf('southwest-aluminum')).toBe('中国铝业集团');
    expect(groupOf('chinalco')).toBe('中国铝业集团');
  });

  it('rank --lang en: English headers through the same column definitions', async () => {
    const [header] = readBack((await cli(['rank', '--format', 'csv', '--top', '3', '--lang', 'en'])).stdout);
    expect(header!.slice(0, 5)).toEqual(['Rank', 'Company', 'Headquarters', 'Score', 'gap fit']);
  });

  it('gaps, plan and whatif CSVs read back with Chinese headers and numeric numbers', async () => {
    const gaps = readBack((await cli(['gaps', '--format', 'csv'])).stdout);
    expect(gaps[0]!.slice(0, 3)).toEqual(['序号', 'id', '环节']);
    const p = gaps[0]!.indexOf('优先级');
    for (const row of gaps.slice(1)) expect(isNumber(row[p]!)).toBe(true);
    const plan = readBack((await cli(['plan', '--companies', '5', '--days', '2', '--format', 'csv'])).stdout);
    expect(plan[0]!.slice(0, 2)).toEqual(['第几天', '城市']);
    expect(plan[0]).toContain('得分');
    for (const row of plan.slice(1)) expect(isNumber(row[plan[0]!.indexOf('得分')]!)).toBe(true);
    const w = readBack((await cli(['whatif', '--data', WHATIF_FIXTURE_DIR, '--close', 'ingot-co', '--format', 'csv'])).stdout);
    expect(w[0]![0]).toBe('类别');
    const delta = w[0]!.indexOf('变化(优先级/完整度/得分)');
    expect(w.slice(1).some((row) => Number(row[delta]) < 0)).toBe(true);
    for (const row of w.slice(1)) expect(row[delta]!.startsWith("'")).toBe(false);
  });

  it('renderRows: a text cell starting with = + - @ is neutralised, a negative number is not', () => {
    const csv = renderRows([{ a: '-1+1', b: -0.0333, c: '=SUM(A1)', d: -0.00001 }], ['a', 'b', 'c', 'd'].map((k) => ({ key: k, zh: k, en: k })), 'csv', 'zh');
    const [, row] = readBack(csv);
    expect(row).toEqual(["'-1+1", '-0.033', "'=SUM(A1)", '0.000']);
  });
});
