import { describe, expect, it } from 'vitest';
import { isFormula } from '../../../src/io/import/cellRules.js';

describe('isFormula: the DDE family is caught, negative amounts are not formulas', () => {
  it.each([
    "-2+3+cmd|' /C calc'!A0",
    "=cmd|' /C calc'!A0",
    "  =cmd|' /C notepad'!'A1'",
    '@SUM(1+1)*cmd|\' /C calc\'!A0',
    '+cmd|\' /C calc\'!A0',
    '+1+1',
    '-SUM(A1:A3)',
    '- sum (1,2)',
    '-A1',
    '-$B$2*3',
    '-1+1',
    "-cmd|' /C calc'!A0",
    '\t=1+1',
  ])('%j is a formula', (t) => expect(isFormula(t)).toBe(true));

  it.each(['-0.5', '-5,000万元', '-1.2亿', '-3%', '- 5', '-', '--', '-1,234.5 万元', 'US$95m', '华为技术有限公司', '5-10人', 'A-1'])('%j is not a formula', (t) => expect(isFormula(t)).toBe(false));
});

describe('import: a -2+3+cmd| cell never reaches the companies file', () => {
  it('drops the cell with a formula-ignored warning (other columns), rejects the row (name column)', async () => {
    const { importCompanies } = await import('../../../src/io/import/importCompanies.js');
    const { importDataset } = await import('../import/helpers.js');
    const dde = "-2+3+cmd|' /C calc'!A0";
    const text = `企业名称,所属城市,主营产品\n聊城铝业科技有限公司,聊城,${dde}\n${dde},临清,轴承\n临清轴承制造有限公司,临清,-0.5\n`;
    const r = await importCompanies(Buffer.from(text), { fileName: 'f.csv', dataset: await importDataset(), tag: false });
    expect(r.stats).toMatchObject({ rows: 3, accepted: 2, merged: 0, rejected: 1, offChain: 0 });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([[3, 'formula-in-cell']]);
    expect(r.warnings.find((w) => w.code === 'formula-ignored')).toMatchObject({ rows: [2], count: 1 });
    expect(JSON.stringify(r.companies)).not.toMatch(/cmd\|/);
  });
});
