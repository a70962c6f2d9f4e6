import { nfkc } from './nfkc.js';

/**
 * True when a cell would run as a spreadsheet formula if written back: `=`, `+` or `@` at the start
 * (`=cmd|' /C calc'!A0`, `@SUM(A1)`), or `-` followed by formula-like text — a DDE pipe or sheet reference
 * (`|`, `!`), a function call (`-SUM(`), a cell reference (`-A1`) or arithmetic (`-2+3+cmd|…`). A negative
 * amount (`-0.5`, `-5,000万元`, `-1.2亿`, `-3%`) is not a formula.
 */
export function isFormula(text: string): boolean {
  const t = text.trimStart();
  if (/^[=+@]/.test(t)) return true;
  if (!t.startsWith('-')) return false;
  return /[|!]/.test(t) || /[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(t) || /^-\s*\$?[A-Za-z]{1,3}\$?\d/.test(t) || /^-\s*[\d.,]+\s*[-+*/^&=<>]/.test(t);
}

const TOTAL = /^(合计|总计|小计|共计|汇总|总数|合\s+计|总\s+计|total|grand\s*total|sub\s*total|sum)[:：\s]*([\d,.]+\s*(家|个|户|项|companies)?)?$/i;

/** True when a cell labels a total or summary row (合计, 总计, Total …). */
export function isTotalLabel(text: string): boolean {
  const t = nfkc(text).trim();
  return t.length > 0 && t.length <= 16 && TOTAL.test(t);
}

// Cells that mean "no value" in database exports and hand-made lists (企查查 writes '-' in every empty cell).
// Compared after width normalisation, trimmed and lower-cased. Never a key, never a value.
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-', '--', '---', '—', '——', '–', '−', '/', '//', '\\', '*', '?', '？', '.', '…', '...',
  '无', '暂无', '无数据', '没有', '空', '不详', '未知', '未公开', '未披露', '未填写', '待定', '—-', '-—',
  'null', 'nil', 'none', 'n/a', 'na', 'nan', 'undefined', '#n/a', '#value!', '#ref!', '#div/0!', '#name?',
]);

/**
 * True when a cell (already width-normalised) is a placeholder for "no value": '-', '—', '--', '/', 无, 暂无,
 * null, N/A … Database exports fill empty cells with these; reading one as a value would, for example, make
 * every row share the credit code '-'.
 *
 * @example
 * isPlaceholder('-'); // true
 * isPlaceholder('暂无'); // true
 * isPlaceholder('-5'); // false
 */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  return t.length === 0 || (t.length <= 8 && PLACEHOLDERS.has(t.toLowerCase()));
}

/** True when every cell is empty or white space. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim().length === 0);
}
