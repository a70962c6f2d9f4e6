import type { RawRow, RawSheet } from './rawTable.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting flattened into a cell; a deeper value makes its row malformed (never a stack overflow). */
export const MAX_CELL_DEPTH = 32;

/** A record whose values cannot be turned into cells: too deep, cyclic, or not serialisable. */
class CellValueError extends Error {}

/** Most arrays and objects walked inside one cell's value (a shared sub-object counts each time it is reached). */
const MAX_CELL_NODES = 100_000;

/**
 * True when `v` (an array or object) nests deeper than `maxDepth` levels or holds more than
 * `MAX_CELL_NODES` arrays and objects. Iterative; a cycle counts as too deep (it never ends).
 */
function tooComplex(v: object, maxDepth: number): boolean {
  const stack: [object, number][] = [[v, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [o, d] = stack.pop()!;
    if (d > maxDepth || ++nodes > MAX_CELL_NODES) return true;
    for (const x of Array.isArray(o) ? o : Object.values(o)) if (x !== null && typeof x === 'object') stack.push([x, d + 1]);
  }
  return false;
}

function scalarText(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v !== 'object') return '';
  if (depth >= MAX_CELL_DEPTH) throw new CellValueError();
  if (Array.isArray(v)) return v.map((x) => scalarText(x, depth + 1)).filter((s) => s.length > 0).join('；');
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    throw new CellValueError();
  }
}

/** The text of one cell's value; checked first, so neither recursion nor JSON.stringify can overflow or loop. */
function cellText(v: unknown, depth: number): string {
  if (v !== null && typeof v === 'object' && tooComplex(v, MAX_CELL_DEPTH - depth)) throw new CellValueError();
  return scalarText(v, depth);
}

/**
 * Flatten one record: scalars as text, arrays joined with '；', nested objects one level deep as 'hq.city'.
 * A value that cannot be shown (too deep, cyclic) becomes '' and sets `bad`.
 */
function flatten(record: Readonly<Record<string, unknown>>): { cells: Map<string, string>; bad: boolean } {
  const out = new Map<string, string>();
  let bad = false;
  const text = (v: unknown, depth: number): string => {
    try {
      return cellText(v, depth);
    } catch (error) {
      if (!(error instanceof CellValueError)) throw error;
      bad = true;
      return '';
    }
  };
  for (const [k, v] of Object.entries(record)) {
    if (FORBIDDEN.has(k)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) if (!FORBIDDEN.has(k2)) out.set(`${k}.${k2}`, text(v2, 1));
    } else {
      out.set(k, text(v, 0));
    }
  }
  return { cells: out, bad };
}

const TOO_DEEP = `a value nested deeper than ${MAX_CELL_DEPTH} levels, cyclic or too large / 值嵌套超过 ${MAX_CELL_DEPTH} 层、循环引用或过大`;

/** Too many cells: `rows × columns` over the limit. Thrown by `readJsonRows`, turned into IMPORT_FAILED by the caller. */
export class TooManyCellsError extends Error {
  constructor(
    readonly rows: number,
    readonly columns: number,
    readonly maxCells: number,
  ) {
    super(`${rows} rows × ${columns} columns`);
  }
}

/**
 * Turn records (objects keyed by column name) into rows. Headers are the keys in order of first
 * appearance; a record that is not an object, or holds a value nested deeper than `MAX_CELL_DEPTH`,
 * becomes a malformed row. Row numbers are record numbers from 1.
 *
 * @throws {TooManyCellsError} when rows × distinct keys exceeds `maxCells`
 */
export function readJsonRows(records: readonly unknown[], maxCells = Number.POSITIVE_INFINITY): RawSheet {
  const headers: string[] = [];
  const seen = new Map<string, number>();
  const flat = records.map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? flatten(r as Record<string, unknown>) : undefined));
  for (const f of flat) {
    for (const k of f?.cells.keys() ?? []) {
      if (!seen.has(k)) {
        seen.set(k, headers.length);
        headers.push(k);
        if (headers.length * records.length > maxCells) throw new TooManyCellsError(records.length, headers.length, maxCells);
      }
    }
  }
  const rows: RawRow[] = flat.map((f, i) => {
    if (f === undefined) return { row: i + 1, cells: [cellOf(records[i])], malformed: 'not an object / 不是对象' };
    const cells = headers.map((h) => f.cells.get(h) ?? '');
    return { row: i + 1, cells, ...(f.bad ? { malformed: TOO_DEEP } : {}) };
  });
  return { headers, rows, warnings: [] };
}

function cellOf(v: unknown): string {
  try {
    return cellText(v, 0);
  } catch (error) {
    if (error instanceof CellValueError) return '';
    throw error;
  }
}
