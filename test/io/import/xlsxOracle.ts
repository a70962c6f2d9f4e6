// The XLSX reader before the streaming one (exceljs's Workbook.load + cellText), kept as the oracle of
// xlsxStream.prop.test.ts: the streaming reader must give the same sheets, rows and cells.
import type ExcelJS from 'exceljs';
import type { RawRow, RawSheet } from '../../../src/io/import/rawTable.js';
import { XlsxBoundsError, type XlsxLimits } from '../../../src/io/import/xlsxBounds.js';

/** Text of an exceljs cell value; `formula` is set when the value is a formula's cached result. */
function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value, formula: false };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '', formula: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', formula: false };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), formula: false };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false };
  if ('hyperlink' in value) return { text: typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue).text, formula: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    const inner = result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? '' : cellText(result as ExcelJS.CellValue).text;
    return { text: inner, formula: true };
  }
  if ('error' in value) return { text: '', formula: false };
  return { text: '', formula: false };
}

/**
 * Read every worksheet of an XLSX workbook with exceljs. Merged cells read as their master cell's value
 * (so a header merged over two rows, or a 省份 merged down a block, fills each cell). Formula cells give
 * their cached result, never the formula. Dates become YYYY-MM-DD.
 *
 * Bounded: before exceljs loads anything, every sheet's declared dimension is checked against `maxCells` and
 * every part's unzipped size against `maxUnzippedBytes` (see `checkXlsxBounds`); after loading, the real
 * extent of each sheet is checked again (a sheet without a dimension, or one that understates it).
 *
 * @throws {XlsxBoundsError} naming the sheet, when a limit is passed
 */
export async function readXlsxWithExcelJs(bytes: Uint8Array, limits: XlsxLimits = { maxCells: 2_000_000, maxUnzippedBytes: 256 * 1024 * 1024 }): Promise<RawSheet[]> {
  // Loaded on first use: exceljs is large and CSV or JSON imports never need it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  for (const ws of wb.worksheets) {
    if (ws.rowCount * ws.columnCount > limits.maxCells) {
      throw new XlsxBoundsError(
        `sheet "${ws.name}" reaches row ${ws.rowCount} and column ${ws.columnCount}, over the limit of ${limits.maxCells} cells (maxCells)`,
        `工作表“${ws.name}”用到第 ${ws.rowCount} 行、第 ${ws.columnCount} 列，超过 ${limits.maxCells} 个单元格的上限（maxCells）`,
      );
    }
  }
  return wb.worksheets.map((ws) => {
    const rows: RawRow[] = [];
    let formulas = 0;
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const t = cellText(r.getCell(c).value);
        if (t.formula) formulas++;
        cells.push(t.text);
      }
      rows.push({ row: n, cells });
    });
    return { name: ws.name, rows, warnings: formulas > 0 ? [{ code: 'formula-result-used' as const, count: formulas }] : [] };
  });
}
