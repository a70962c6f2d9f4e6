import type { RawRow, RawSheet } from './rawTable.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map(scalarText).filter((s) => s.length > 0).join('；');
  return JSON.stringify(v);
}

/** Flatten one record: scalars as text, arrays joined with '；', nested objects one level deep as 'hq.city'. */
function flatten(record: Readonly<Record<string, unknown>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(record)) {
    if (FORBIDDEN.has(k)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) if (!FORBIDDEN.has(k2)) out.set(`${k}.${k2}`, scalarText(v2));
    } else {
      out.set(k, scalarText(v));
    }
  }
  return out;
}

/**
 * Turn records (objects keyed by column name) into rows. Headers are the keys in order of first
 * appearance; a record that is not an object becomes a malformed row. Row numbers are record numbers from 1.
 */
export function readJsonRows(records: readonly unknown[]): RawSheet {
  const headers: string[] = [];
  const seen = new Map<string, number>();
  const flat = records.map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? flatten(r as Record<string, unknown>) : undefined));
  for (const f of flat) {
    for (const k of f?.keys() ?? []) {
      if (!seen.has(k)) {
        seen.set(k, headers.length);
        headers.push(k);
      }
    }
  }
  const rows: RawRow[] = flat.map((f, i) => {
    if (f === undefined) return { row: i + 1, cells: [scalarText(records[i])], malformed: 'not an object / 不是对象' };
    const cells = headers.map((h) => f.get(h) ?? '');
    return { row: i + 1, cells };
  });
  return { headers, rows, warnings: [] };
}
