import Table from 'cli-table3';
import Papa from 'papaparse';
import type { Lang } from '../errors.js';
import { neutralizeCell } from '../io/csvCell.js';

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
    const data = rows.map((r) => columns.map((c) => neutralizeCell(cellText(r[c.key]))));
    return `${Papa.unparse({ fields: headers, data }, { newline: '\n' })}\n`;
  }
  const table = new Table({ head: headers, style: { head: [], border: [] }, wordWrap: true });
  for (const r of rows) table.push(columns.map((c) => cellText(r[c.key])));
  return `${table.toString()}\n`;
}

/** Stable JSON: 2-space indentation and a trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
