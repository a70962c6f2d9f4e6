import { extname } from 'node:path';
import type { Lang } from '../errors.js';
import { neutralizeCell } from '../io/csvCell.js';
import { writeOutputFiles } from '../io/writeOutputFiles.js';
import { renderRows, type Column } from './output.js';

/**
 * Rows as an Excel workbook: one sheet, headers in the chosen language, a frozen bold header row and a filter,
 * numbers as numbers, every text cell formula-safe (`neutralizeCell`). exceljs is loaded only here.
 *
 * @example
 * await rowsToXlsx([{ n: 1 }], [{ key: 'n', zh: '数量', en: 'Count' }], 'zh', '排序');
 */
export async function rowsToXlsx(rows: readonly Record<string, unknown>[], columns: readonly Column[], lang: Lang, sheet: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chain-targeting';
  const ws = wb.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: neutralizeCell(lang === 'zh' ? c.zh : c.en), key: c.key, width: Math.min(60, Math.max(8, (lang === 'zh' ? c.zh : c.en).length * 2 + 4)) }));
  for (const r of rows) {
    const cells: Record<string, string | number> = {};
    for (const c of columns) {
      const v = r[c.key];
      if (typeof v === 'number') {
        if (Number.isFinite(v)) cells[c.key] = v;
      } else if (v !== undefined && v !== null) cells[c.key] = neutralizeCell(Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    ws.addRow(cells);
  }
  ws.getRow(1).font = { bold: true };
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Write a command's table to `--out FILE`: `.xlsx` as a workbook, anything else as Excel-ready CSV (BOM, CRLF),
 * through the safe writer (temporary file and rename, never through a symlink).
 *
 * @returns the path written
 */
export async function writeTableFile(path: string, rows: readonly Record<string, unknown>[], columns: readonly Column[], lang: Lang, sheet: string): Promise<string> {
  const data = extname(path).toLowerCase() === '.xlsx' ? await rowsToXlsx(rows, columns, lang, sheet) : renderRows(rows, columns, 'csv', lang);
  await writeOutputFiles([{ path, data }]);
  return path;
}
