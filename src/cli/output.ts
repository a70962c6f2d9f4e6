import Table from 'cli-table3';
import type { Lang } from '../errors.js';
import { cellText, csvChunks as ioCsvChunks, csvText, type CsvColumn } from '../io/csv.js';
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

/** A CLI column in both languages, as a column of the shared CSV writer. */
function csvColumns(columns: readonly Column[], lang: Lang): CsvColumn[] {
  return columns.map((c) => ({ key: c.key, header: lang === 'zh' ? c.zh : c.en, ...(c.digits !== undefined ? { digits: c.digits } : {}) }));
}

/**
 * The CLI's tables as CSV through the project's one writer (`csvChunks` of src/io/csv.ts: BOM, CRLF, plain
 * numbers, formula-safe text), with headers in `lang`.
 *
 * @example
 * [...csvChunks([{ n: 1 }], [{ key: 'n', zh: '数量', en: 'Count' }], 'en')].join(''); // '\uFEFFCount\r\n1\r\n'
 */
export function csvChunks(rows: readonly Record<string, unknown>[], columns: readonly Column[], lang: Lang, rowsPerChunk = 2000): Generator<string> {
  return ioCsvChunks(rows, csvColumns(columns, lang), rowsPerChunk);
}

/**
 * Render rows as a terminal table or as Excel-ready CSV (`csvChunks`, joined). JSON output is written by the
 * caller with `toJson`.
 *
 * @example
 * renderRows([{ id: 'a', n: 1 }], [{ key: 'id', zh: '编号', en: 'ID' }, { key: 'n', zh: '数量', en: 'Count' }], 'table', 'zh');
 */
export function renderRows(rows: readonly Record<string, unknown>[], columns: readonly Column[], format: Exclude<Format, 'json'>, lang: Lang): string {
  if (format === 'csv') return csvText(rows, csvColumns(columns, lang));
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
