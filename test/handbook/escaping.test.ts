// A company named `<script>alert(1)</script>` and one named `=HYPERLINK("http://x")` must come out inert in
// HTML (escaped), CSV and XLSX (neutralised with a leading apostrophe, never a formula).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildHandbookFromResults } from '../../src/handbook/buildHandbookFromResults.js';
import { writeCsv } from '../../src/handbook/render/csv.js';
import { escapeHtml } from '../../src/handbook/render/escapeHtml.js';
import { renderHtml } from '../../src/handbook/render/html.js';
import { renderMarkdown } from '../../src/handbook/render/markdown.js';
import { writeXlsx } from '../../src/handbook/render/xlsx.js';
import { HOSTILE, tinyDataset, tinyGaps, tinyRanking } from './fixtures.js';

const hostile = () => buildHandbookFromResults(tinyDataset(true), { gaps: tinyGaps(true), ranking: tinyRanking() });

describe('escaping hostile names', () => {
  it('escapes & < > " and \' for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('leaves no tag from the data in the HTML', () => {
    const html = renderHtml(hostile());
    expect(html).not.toContain(HOSTILE.script);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;)');
  });

  it('leaves no tag from the data in the Markdown', () => {
    const md = renderMarkdown(hostile());
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toContain('<img');
  });

  it('neutralises the formula in the CSV', () => {
    const rows = Papa.parse<string[]>(writeCsv(hostile()).slice(1), { skipEmptyLines: true }).data;
    const cells = rows.flat();
    expect(cells).toContain(`'${HOSTILE.formula}`);
    expect(cells.some((c) => /^[=+\-@\t\r]/.test(c) && Number.isNaN(Number(c)))).toBe(false);
  });

  it('neutralises the formula in the XLSX and writes no formula cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(hostile())) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          values.push(cell.value);
        }),
      ),
    );
    expect(values).toContain(`'${HOSTILE.formula}`);
    expect(values).toContain(HOSTILE.script);
    expect(values.some((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toBe(false);
  });
});
