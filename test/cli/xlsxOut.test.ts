import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runIn, type CliRun } from './capture.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: readonly string[]): Promise<CliRun> => runIn(args, dir);

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  return wb.worksheets[0]!;
}

describe('--out FILE.xlsx: rank, gaps and plan as Excel workbooks', () => {
  it('rank: Chinese headers, scores as numbers, one row per item', async () => {
    const r = await cli(['rank', '--top', '15', '--out', '排序.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入：排序.xlsx');
    const ws = await sheetOf('排序.xlsx');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['名次', '企业', '总部', '得分']);
    expect(ws.rowCount).toBe(16);
    expect(typeof ws.getRow(2).getCell(4).value).toBe('number');
    expect(ws.getRow(2).getCell(1).value).toBe(1);
  });

  it('whatif: the change table (segments, industries, ranks) with Chinese headers and numbers as numbers', async () => {
    const r = await cli(['whatif', '--close', '信发集团', '--out', '情景.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入：情景.xlsx');
    const ws = await sheetOf('情景.xlsx');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['类别', 'id', '名称']);
    const sections = new Set<unknown>();
    for (let i = 2; i <= ws.rowCount; i++) sections.add(ws.getRow(i).getCell(1).value);
    expect([...sections]).toEqual(['环节', '产业', '排名']);
    const electrolytic = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2)).find((row) => row.getCell(2).value === 'nf-primary-aluminium')!;
    expect(electrolytic.getCell(4).value).toBe('无缺口');
    expect(typeof electrolytic.getCell(6).value).toBe('number');
  });

  it('gaps: every gap of the industry, priorities as numbers', async () => {
    const r = await cli(['gaps', '--industry', '有色金属', '--out', '缺口.xlsx']);
    expect(r.code).toBe(0);
    const ws = await sheetOf('缺口.xlsx');
    expect(ws.rowCount).toBeGreaterThan(10);
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const priority = header.indexOf('优先级') + 1;
    expect(priority).toBeGreaterThan(0);
    expect(typeof ws.getRow(2).getCell(priority).value).toBe('number');
  });

  it('plan: the itinerary, a CSV when the name does not end in .xlsx', async () => {
    const x = await cli(['plan', '--top', '6', '--days', '3', '--out', '行程.xlsx']);
    expect(x.code).toBe(0);
    const ws = await sheetOf('行程.xlsx');
    expect((ws.getRow(1).values as unknown[])[1]).toBe('第几天');
    const c = await cli(['plan', '--top', '6', '--days', '3', '--out', '行程.csv']);
    expect(c.code).toBe(0);
    expect(readFileSync(join(dir, '行程.csv'), 'utf8').startsWith('\uFEFF第几天')).toBe(true);
  });
});
