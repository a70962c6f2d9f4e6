import Table from 'cli-table3';
import Papa from 'papaparse';
import type { Lang } from '../errors.js';
import { neutralizeCell } from '../io/csvCell.js';
import { escapeControlChars } from '../internal/controlChars.js';

/** Output formats of the CLI. */
export type Format = 'table' | 'json' | 'csv';

/** A column of tabular CLI output: the row key and its header in both languages. */
export interface Column {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Render rows as a terminal table or as CSV (formula-safe). JSON output is written by the caller with `toJson`.
 *
 * @example
 * renderRows([{ id: 'a', n: 1 }], [{ key: 'id', zh: '编号', en: 'ID' }, { key: 'n', zh: '数量', en: 'Count' }], 'table', 'zh');
 */
export function renderRows(rows: readonly Record<string, unknown>[], columns: readonly Column[], format: Exclude<Format, 'json'>, lang: Lang): string {
  const headers = columns.map((c) => (lang === 'zh' ? c.zh : c.en));
  if (format === 'csv') {
    // neutralizeCell also drops control characters from the cell.
    const data = rows.map((r) => columns.map((c) => neutralizeCell(cellText(r[c.key]))));
    return `${Papa.unparse({ fields: headers, data }, { newline: '\n' })}\n`;
  }
  const table = new Table({ head: headers, style: { head: [], border: [] }, wordWrap: true });
  // Escaped before layout: cli-table3 measures and wraps ANSI sequences itself, so raw ESC would also skew the columns.
  for (const r of rows) table.push(columns.map((c) => sanitizeForTerminal(cellText(r[c.key]))));
  return `${table.toString()}\n`;
}

/**
 * Stable JSON: 2-space indentation and a trailing newline. JSON.stringify escapes C0 but leaves DEL, C1
 * (U+009B is a CSI), U+2028/2029 and bidi controls raw; those are escaped as `\uXXXX` too, which is the
 * same JSON value (they can only occur inside strings).
 */
export function toJson(value: unknown): string {
  return `${escapeControlChars(JSON.stringify(value, null, 2))}\n`;
}

/**
 * Make text safe to print on a terminal: every control, C1 and bidi-override code point (ESC, CSI, OSC,
 * BEL, CR, DEL, U+202E …) becomes a visible `\uXXXX`; tab and newline stay. Applied to every table cell
 * and, at the single choke point in `runCli`, to everything the CLI writes to stdout and stderr.
 *
 * @example
 * sanitizeForTerminal('华为\u001b[2J'); // '华为\\u001b[2J'
 */
export function sanitizeForTerminal(text: string): string {
  return escapeControlChars(text);
}

/** Wrap an output stream so every string written to it goes through `sanitizeForTerminal`. */
export function terminalSafe(stream: { write(s: string): unknown }): { write(s: string): unknown } {
  return { write: (s: string) => stream.write(sanitizeForTerminal(String(s))) };
}
