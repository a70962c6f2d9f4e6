import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../io/csvCell.js';
import type { Handbook } from '../types.js';
import { gapsSheet, parksSheet, policiesSheet, projectsSheet, summarySheet, targetColumns, targetRow, type SheetData } from './tableRows.js';
import { setZipTimestamps } from './zipTimestamps.js';

/** The handbook's date (YYYY, YYYY-MM or YYYY-MM-DD) as a UTC midnight; missing month or day = 1. */
function dateOf(text: string): Date {
  const [y = 1980, m = 1, d = 1] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A valid, unique Excel sheet name: no \ / ? * [ ] :, at most 31 characters. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let k = 2; used.has(candidate.toLowerCase()); k++) candidate = `${base.slice(0, 31 - String(k).length - 3)} (${k})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function addSheet(wb: ExcelJS.Workbook, sheet: SheetData, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(sheet.name, used), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt !== undefined ? { style: { numFmt: c.numFmt } } : {}) }));
  for (const row of sheet.rows) {
    const safe: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(row)) safe[k] = neutralizeCell(v);
    ws.addRow(safe);
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  header.alignment = { vertical: 'middle' };
  const wrap = sheet.columns.filter((c) => c.width >= 30).map((c) => c.key);
  for (const key of wrap) ws.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/**
 * Write the handbook's lists as an Excel workbook: a summary sheet (one row per industry), a gaps sheet,
 * one sheet per chapter with its targets (rank, company, HQ, score, contributions, matched gaps,
 * reasons, approach), then the 重点项目清单 (amounts in 亿元 as numbers), the parks and the policies (政策与载体). Frozen header row, column widths, number formats (0.00 for scores, 0% for shares);
 * every text cell goes through `neutralizeCell` (formula injection). Deterministic: document dates and
 * ZIP entry times are the handbook's date, so the same handbook gives the same bytes.
 *
 * @param handbook - from `buildHandbook`
 * @returns the .xlsx bytes
 * @example
 * await writeFile('out/targets.xlsx', await writeXlsx(buildHandbook(liaocheng())));
 */
export async function writeXlsx(handbook: Handbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const date = dateOf(handbook.date);
  wb.creator = 'chain-targeting';
  wb.lastModifiedBy = 'chain-targeting';
  wb.title = handbook.title;
  wb.created = date;
  wb.modified = date;
  wb.lastPrinted = date;
  const used = new Set<string>();
  const sep = '\n';
  addSheet(wb, summarySheet(handbook), used);
  addSheet(wb, gapsSheet(handbook, sep), used);
  for (const ch of handbook.chapters) {
    addSheet(wb, { name: ch.industry.name, columns: targetColumns(handbook.lang, false), rows: ch.targets.map((t) => targetRow(t, undefined, sep, handbook.lang)) }, used);
  }
  addSheet(wb, projectsSheet(handbook), used);
  addSheet(wb, parksSheet(handbook, sep), used);
  addSheet(wb, policiesSheet(handbook), used);
  return setZipTimestamps(new Uint8Array(await wb.xlsx.writeBuffer()), date);
}
