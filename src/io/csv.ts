// The project's one CSV writer, shared by the CLI's tables (`--format csv`, `--out FILE.csv`, import reports) and the
// handbook's targets.csv: Excel-ready (UTF-8 with a BOM, CRLF), numbers as plain numbers, text cells formula-safe.
import Papa from 'papaparse';
import { neutralizeCell } from './csvCell.js';

/** A column of a CSV: the row key, its header (already in the reader's language) and decimals for numbers (default 3). */
export interface CsvColumn {
  readonly key: string;
  readonly header: string;
  readonly digits?: number;
}

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const CSV_BOM = '\uFEFF';

/**
 * A number as text: integers as they are, others with `digits` decimals (default 3); never "-0.000"; NaN/±∞ empty.
 *
 * @example
 * numberText(-0.0001); // '0.000'
 * numberText(2.5, 1); // '2.5'
 */
export function numberText(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * Any cell value as text: undefined/null empty, numbers by `numberText`, arrays joined with "; ", objects as JSON.
 *
 * @example
 * cellText(['a', 1.23456]); // 'a; 1.235'
 */
export function cellText(v: unknown, digits?: number): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return numberText(v, digits);
  if (Array.isArray(v)) return v.map((x) => cellText(x, digits)).join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Rows as CSV, in chunks of at most `rowsPerChunk` rows (a 100,000-row report is never one string): a UTF-8 BOM
 * first, CRLF line ends; number cells are written as plain numbers (`-0.033`, never `'-0.033`) with the column's
 * `digits`, and every text cell, headers included, is neutralised against formulas (= + - @ at the start) and
 * stripped of control characters (`neutralizeCell`). Joined, the chunks end with a line break.
 *
 * @example
 * [...csvChunks([{ n: 1 }], [{ key: 'n', header: 'Count' }])].join(''); // '\uFEFFCount\r\n1\r\n'
 */
export function* csvChunks(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly CsvColumn[], rowsPerChunk = 2000): Generator<string> {
  const fields = columns.map((c) => neutralizeCell(c.header));
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
 * Rows as one CSV string (`csvChunks`, joined).
 *
 * @example
 * csvText([{ a: '=1+1' }], [{ key: 'a', header: 'A' }]); // "\uFEFFA\r\n'=1+1\r\n"
 */
export function csvText(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly CsvColumn[]): string {
  return [...csvChunks(rows, columns)].join('');
}
