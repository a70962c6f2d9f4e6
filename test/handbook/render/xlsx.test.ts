import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { writeXlsx } from '../../../src/handbook/render/xlsx.js';
import { tinyDataset, tinyGaps, tinyRanking } from '../fixtures.js';

const hb = () => buildHandbookFromResults(tinyDataset(), { gaps: tinyGaps(), ranking: tinyRanking() }, { date: '2026-02-03' });

async function readBack(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('writeXlsx', () => {
  it('has a summary sheet, a gaps sheet and one sheet per industry, each with a frozen header', async () => {
    const wb = await readBack(await writeXlsx(hb()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '缺口', '金属', '新能源', '重点项目清单', '园区载体', '政策']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.columns.every((c) => (c.width ?? 0) > 0)).toBe(true);
    }
    expect(wb.created.toISOString()).toBe('2026-02-03T00:00:00.000Z');
  });

  it('matches the ranking: headers, ranks, names, scores and contributions, scores formatted 0.00', async () => {
    const h = hb();
    const wb = await readBack(await writeXlsx(h));
    const ws = wb.getWorksheet('金属')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 9)).toEqual(['排名', 'id', '企业', '总部省份', '总部城市', '区域', '规模', '榜单', '得分']);
    expect(headers).toContain('缺口匹配');
    expect(headers.slice(-4)).toEqual(['匹配缺口', '理由', '招商方式', '方式依据']);
    const col = (name: string) => headers.indexOf(name) + 1;
    const rows = h.chapters[0]!.targets;
    expect(ws.rowCount).toBe(rows.length + 1);
    rows.forEach((t, k) => {
      const r = ws.getRow(k + 2);
      expect(r.getCell(col('排名')).value).toBe(t.rank);
      expect(r.getCell(col('id')).value).toBe(t.id);
      expect(r.getCell(col('企业')).value).toBe(t.name);
      expect(r.getCell(col('得分')).value).toBeCloseTo(t.score, 10);
      expect(r.getCell(col('得分')).numFmt).toBe('0.00');
      expect(r.getCell(col('缺口匹配')).value).toBeCloseTo(t.contributions.find((c) => c.feature === 'gapFit')!.contribution, 10);
      expect(r.getCell(col('招商方式')).value).toBe('登门招商');
    });
    // profile-co: 0.55 (hand-made ranking), rank 1 in metal.
    expect(ws.getRow(2).getCell(col('id')).value).toBe('profile-co');
    const gaps = wb.getWorksheet('缺口')!;
    expect(gaps.rowCount).toBe(1 + h.chapters.reduce((n, c) => n + c.gaps.length, 0));
    const summary = wb.getWorksheet('概览')!;
    expect(summary.getRow(2).getCell(1).value).toBe('metal');
  });

  it('has the 重点项目清单, parks and policies as sheets: amounts as numbers (empty when not stated), a filter, text formula-safe', async () => {
    const base = hb();
    const project = { id: 'p1', name: '=铝型材项目', segment: 'profile', segmentName: '铝型材', industry: 'metal', industryName: '金属', investor: '', amount: 12.5, amountEstimated: true, stageLabel: '在建', county: '茌平区', park: '', note: '', source: '聊城市发改委', asOf: '2026-01', confidenceLabel: '中' };
    const h = {
      ...base,
      projects: [project, { ...project, id: 'p2', name: '电池项目', amount: null, amountEstimated: false }],
      carriers: {
        parks: [{ id: 'k1', name: '信发工业园', county: '茌平区', levelLabel: '省级', industries: ['金属'], segments: ['铝型材', '电解铝'], facts: ['面积 10 平方公里', '铁路专用线'], source: '茌平区政府', asOf: '2025-06', confidenceLabel: '高' }],
        policies: [{ id: 'y1', title: '聊城市招商引资奖励办法', issuer: '聊城市人民政府', date: '2025-03-01', kindLabel: '奖励', scope: '全市', summary: '-按到位资金奖励', source: 'liaocheng.gov.cn', confidenceLabel: '高' }],
      },
    };
    const wb = await readBack(await writeXlsx(h));
    const ws = wb.getWorksheet('重点项目清单')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(col('投资额（亿元）')).value).toBe(12.5);
    expect(ws.getRow(2).getCell(col('投资额为估计')).value).toBe('是');
    expect(ws.getRow(2).getCell(col('项目')).value).toBe("'=铝型材项目");
    expect(ws.getRow(3).getCell(col('投资额（亿元）')).value).toBeNull();
    const parks = wb.getWorksheet('园区载体')!;
    expect(parks.rowCount).toBe(2);
    expect(parks.getRow(2).getCell(2).value).toBe('信发工业园');
    expect(String(parks.getRow(2).getCell(7).value)).toBe('面积 10 平方公里\n铁路专用线');
    const policies = wb.getWorksheet('政策')!;
    expect(policies.getRow(2).getCell(2).value).toBe('聊城市招商引资奖励办法');
    expect(policies.getRow(2).getCell(7).value).toBe("'-按到位资金奖励");
  });

  it('gives identical bytes when written at different times', async () => {
    const h = hb();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
      const a = await writeXlsx(h);
      vi.setSystemTime(new Date('2031-06-15T17:42:13Z'));
      const b = await writeXlsx(h);
      expect(Buffer.compare(a, b)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
