import Table from 'cli-table3';
import Papa from 'papaparse';
import type { Lang } from '../errors.js';
import { neutralizeCell } from '../io/csvCell.js';
import { escapeControlChars } from '../internal/controlChars.js';

/** Output formats of the CLI. */
export type Format = 'table' | 'json' | 'csv';

/** A column of tabular CLI output: the row key, its header in both languages, and decimals for numbers (default 3). */
export interface Column {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly digits?: number;
}

/** A number as text: integers as they are, others with `digits` decimals; never "-0.000"; NaN/±∞ empty. */
function numberText(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

function cellText(v: unknown, digits?: number): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return numberText(v, digits);
  if (Array.isArray(v)) return v.map((x) => cellText(x, digits)).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const CSV_BOM = '\uFEFF';

/**
 * The CLI's one CSV writer, as chunks of at most `rowsPerChunk` rows (a 100,000-row import report is never one
 * string): a UTF-8 BOM first, CRLF line ends, headers in `lang`; number cells are written as plain numbers
 * (`-0.033`, never `'-0.033`) with the column's `digits`, and only text cells are neutralised against formulas
 * (= + - @ at the start) and stripped of control characters (`neutralizeCell`).
 *
 * @example
 * [...csvChunks([{ n: 1 }], [{ key: 'n', zh: '数量', en: 'Count' }], 'en')].join(''); // '\uFEFFCount\r\n1\r\n'
 */
export function* csvChunks(rows: readonly Record<string, unknown>[], columns: readonly Column[], lang: Lang, rowsPerChunk = 2000): Generator<string> {
  const fields = columns.map((c) => neutralizeCell(lang === 'zh' ? c.zh : c.en));
  // Papa ends a header without data rows with a line break; each chunk of rows brings its own.
  yield `${CSV_BOM}${Papa.unparse({ fields, data: [] }, { newline: '\r\n' }).replace(/\r\n$/, '')}`;
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    const data = rows.slice(i, i + rowsPerChunk).map((r) =>
      columns.map((c) => {
        const v = r[c.key];
        return typeof v === 'number' ? numberText(v, c.digits) : neutralizeCell(cellText(v, c.digits));
      }),
    );
    yield `\r\n${Papa.unparse({ fields, data }, { newline: '\r\n', header: false })}`;
  }
  yield '\r\n';
}

/**
 * Render rows as a terminal table or as Excel-ready CSV (`csvChunks`, joined). JSON output is written by the
 * caller with `toJson`.
 *
 * @example
 * renderRows([{ id: 'a', n: 1 }], [{ key: 'id', zh: '编号', en: 'ID' }, { key: 'n', zh: '数量', en: 'Count' }], 'table', 'zh');
 */
export function renderRows(rows: readonly Record<string, unknown>[], columns: readonly Column[], format: Exclude<Format, 'json'>, lang: Lang): string {
  if (format === 'csv') return [...csvChunks(rows, columns, lang)].join('');
  const headers = columns.map((c) => (lang === 'zh' ? c.zh : c.en));
  const table = new Table({ head: headers, style: { head: [], border: [] }, wordWrap: true });
  // Escaped before layout: cli-table3 measures and wraps ANSI sequences itself, so raw ESC would also skew the columns.
  for (const r of rows) table.push(columns.map((c) => sanitizeForTerminal(cellText(r[c.key], c.digits))));
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
 * BEL, lone CR, DEL, U+202E …) becomes a visible `\uXXXX`; tab, newline and CRLF stay. Applied to every table cell
 * and, at the single choke point in `runCli`, to everything the CLI writes to stdout and stderr.
 *
 * @example
 * sanitizeForTerminal('华为\u001b[2J'); // '华为\\u001b[2J'
 */
export function sanitizeForTerminal(text: string): string {
  // CR followed by LF is a line end (the CSV output's CRLF), harmless on a terminal; a lone CR is escaped.
  return text.split('\r\n').map(escapeControlChars).join('\r\n');
}

/** Wrap an output stream so every string written to it goes through `sanitizeForTerminal`. */
export function terminalSafe(stream: { write(s: string): unknown }): { write(s: string): unknown } {
  return { write: (s: string) => stream.write(sanitizeForTerminal(String(s))) };
}
