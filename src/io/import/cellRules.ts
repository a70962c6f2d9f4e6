import { nfkc } from './nfkc.js';

/** True when a cell would run as a spreadsheet formula if written back (=, +, @ or -FUNC( at the start). */
export function isFormula(text: string): boolean {
  const t = text.trimStart();
  return /^[=+@]/.test(t) || /^-\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(t);
}

const TOTAL = /^(合计|总计|小计|共计|汇总|总数|合\s+计|总\s+计|total|grand\s*total|sub\s*total|sum)[:：\s]*([\d,.]+\s*(家|个|户|项|companies)?)?$/i;

/** True when a cell labels a total or summary row (合计, 总计, Total …). */
export function isTotalLabel(text: string): boolean {
  const t = nfkc(text).trim();
  return t.length > 0 && t.length <= 16 && TOTAL.test(t);
}

/** True when every cell is empty or white space. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim().length === 0);
}
