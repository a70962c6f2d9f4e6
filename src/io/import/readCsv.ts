import Papa from 'papaparse';
import type { RawRow, RawSheet, RawWarning } from './rawTable.js';

const DELIMITERS = [',', '\t', ';', '|'];

/** A record spanning more physical lines than this is re-read line by line, even when its quotes balance. */
export const MAX_LINES_PER_RECORD = 50;

/** The delimiter most used on the first line, when papaparse cannot tell (few rows, one column …). */
function firstLineDelimiter(text: string): string | undefined {
  const line = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = DELIMITERS.map((d) => [d, line.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : undefined;
}

/**
 * How well a delimiter reads the first rows as a table: how many of the rows after the header have as many cells
 * as the header, which must have at least two (a company list has at least a name and a place).
 */
function headerFit(text: string, delimiter: string): { header: number; matching: number } {
  const rows = Papa.parse<string[]>(text, { delimiter, preview: 10 }).data;
  const header = rows[0]?.length ?? 0;
  if (header < 2) return { header, matching: -1 };
  return { header, matching: rows.slice(1).filter((r) => r.length === header).length };
}

/**
 * The delimiter papaparse guesses from the first rows, else the first line's most used one, else ','. When
 * another delimiter reads more of the first rows with the header's width, that one wins: papaparse scores every
 * row alike, so a few rows with `;` inside a note (`landed firm; not in companies.json`) could outvote the header's
 * commas in a short file.
 */
function chooseDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, preview: 10 });
  const first = guess.errors.some((e) => e.code === 'UndetectableDelimiter')
    ? (firstLineDelimiter(text) ?? ',')
    : guess.meta.delimiter;
  let best = first;
  let bestFit = headerFit(text, first);
  for (const d of DELIMITERS) {
    if (d === first) continue;
    const fit = headerFit(text, d);
    if (fit.matching > bestFit.matching || (fit.matching === bestFit.matching && fit.matching >= 0 && fit.header > bestFit.header)) {
      best = d;
      bestFit = fit;
    }
  }
  return best;
}

/**
 * The file's line break: the most common of CRLF, LF and CR in its first megabyte (ties: CRLF, then LF).
 * Given to papaparse explicitly, so a record never ends between the CR and the LF of one line break.
 */
function chooseNewline(text: string): '\r\n' | '\n' | '\r' | undefined {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const n = Math.min(text.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf === 0 && lf === 0 && cr === 0) return undefined;
  return crlf >= lf && crlf >= cr ? '\r\n' : lf >= cr ? '\n' : '\r';
}

/** Where a CSV passed `maxCells`: the record (row) number from 1, the column from 1 and its header when the first row names it. */
export interface CsvTooLarge {
  readonly record: number;
  readonly column: number;
  readonly header: string | undefined;
  readonly cells: number;
}

/** A CSV with more than `maxCells` cells; thrown before the cells past the limit are kept. */
export class CsvTooLargeError extends Error {
  constructor(
    readonly at: CsvTooLarge,
    readonly maxCells: number,
  ) {
    super(`more than ${maxCells} cells at record ${at.record}, column ${at.column}`);
  }
}

/** One record as papaparse returned it, with its span in the text. */
interface Rec {
  readonly data: string[];
  readonly start: number;
  readonly end: number;
  readonly errors: readonly Papa.ParseError[];
}

/** Physical lines of a span of text, without the record's final line break. */
function linesOf(span: string): string[] {
  const body = span.replace(/\r\n$|\n$|\r$/, '');
  return body.split(/\r\n|\n|\r/);
}

/**
 * Split one physical line leniently: a field is quoted only when it starts with a quote; a quoted
 * field's closing quote followed by more text keeps that text (Excel reads `"华为"技术有限公司` as
 * 华为技术有限公司); an unclosed quote is literal; quotes inside an unquoted field are literal (`阿里"巴巴"`).
 */
export function splitLenient(line: string, delimiter: string): { cells: string[]; clean: boolean } {
  const cells: string[] = [];
  let clean = true;
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line[i] === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const q = line.indexOf('"', j);
        if (q < 0) break;
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        closed = true;
        j = q + 1;
        break;
      }
      if (closed) {
        const next = line.indexOf(delimiter, j);
        const stop = next < 0 ? n : next;
        if (stop > j) clean = false;
        cells.push(value + line.slice(j, stop));
        if (next < 0) break;
        i = next + delimiter.length;
        continue;
      }
      clean = false;
      // Unclosed: the quote is literal, the field ends at the next delimiter.
    }
    const next = line.indexOf(delimiter, i);
    cells.push(line.slice(i, next < 0 ? n : next));
    if (next < 0) break;
    i = next + delimiter.length;
  }
  return { cells, clean };
}

/** The most common field count of clean one-line records: the table's width. */
function usualWidth(records: readonly Rec[], text: string): number {
  const counts = new Map<number, number>();
  for (const r of records) {
    if (r.errors.length > 0 || (r.data.length === 1 && r.data[0] === '')) continue;
    const span = text.slice(r.start, r.end);
    if (/[\r\n]./.test(span)) continue;
    counts.set(r.data.length, (counts.get(r.data.length) ?? 0) + 1);
  }
  let best = 0;
  let most = 0;
  for (const [w, c] of counts) if (c > most || (c === most && w > best)) [best, most] = [w, c];
  return Math.max(best, 1);
}

/** True when the text between `start` and `end` (its final line break excluded) holds a line break. */
function breaksInside(text: string, start: number, end: number): boolean {
  let stop = end;
  if (text.charCodeAt(stop - 1) === 10) stop--;
  if (text.charCodeAt(stop - 1) === 13) stop--;
  // A scan of the span only (indexOf would search on to the end of the text: quadratic over a file).
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * A record to re-read line by line: it holds a quote error, or it spans several physical lines and either
 * has the wrong number of fields, spans too many lines, has a multi-line cell whose later lines hold the
 * delimiter, or each of its lines would be a full row by itself (a stray quote that found a partner rows
 * later). A genuine multi-line cell (an address with a line break inside quotes) has the right width and
 * lines that are not rows of their own, so it stays as it is.
 */
function suspicious(r: Rec, text: string, delimiter: string, width: number): boolean {
  if (r.errors.some((e) => e.type === 'Quotes')) return true;
  if (!breaksInside(text, r.start, r.end)) return false;
  const lines = linesOf(text.slice(r.start, r.end));
  if (lines.length > MAX_LINES_PER_RECORD) return true;
  if (r.data.length !== width) return true;
  // A cell whose later lines hold the delimiter, or that starts or ends with a line break: rows taken in by a
  // quote, not an address.
  for (const cell of r.data) {
    if (!/[\r\n]/.test(cell)) continue;
    const parts = cell.split(/\r\n|\n|\r/);
    if (parts[0] === '' || parts[parts.length - 1] === '' || parts.slice(1).some((l) => l.includes(delimiter))) return true;
  }
  return lines.every((l) => splitLenient(l, delimiter).cells.length === width);
}

/**
 * Split CSV/TSV text into rows with papaparse (quotes, embedded newlines, delimiters guessed), reconciled
 * with the physical lines: a record holding an unbalanced quote, or spanning several lines with the wrong
 * number of fields (or more than `MAX_LINES_PER_RECORD`), is re-read line by line with `splitLenient`, so a
 * stray quote can never swallow the rows after it. Each such line is a row of its own; one whose own
 * quotes are irregular and that does not split into the table's width is marked malformed (rejected on
 * its own row).
 * Row numbers are record numbers from 1, as Excel shows them.
 *
 * @param maxCells - most cells (summed over records) to read; past it parsing stops
 * @throws {CsvTooLargeError} naming the record and column where `maxCells` was passed
 */
export function readCsv(text: string, maxCells = Infinity): RawSheet {
  const delimiter = chooseDelimiter(text);
  const newline = chooseNewline(text);
  const records: Rec[] = [];
  let prev = 0;
  let cells = 0;
  let over: CsvTooLarge | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    ...(newline !== undefined ? { newline } : {}),
    skipEmptyLines: false,
    step: (r, parser) => {
      if (over !== undefined) return;
      const end = r.meta.cursor;
      // Bounded like a worksheet: at most maxCells cells are ever held (rows × columns as the parser splits them).
      // (The empty record after a final line break is not a row: it never passes the limit.)
      if (cells + r.data.length > maxCells && !(end >= text.length && r.data.length === 1 && r.data[0] === '')) {
        const column = maxCells - cells + 1;
        const header = records[0]?.data[column - 1]?.trim();
        over = { record: records.length + 1, column, header: header !== undefined && header.length > 0 && header.length <= 40 ? header : undefined, cells: cells + r.data.length };
        parser.abort();
        return;
      }
      cells += r.data.length;
      records.push({ data: r.data, start: prev, end, errors: r.errors });
      prev = end;
    },
  });
  if (over !== undefined) throw new CsvTooLargeError(over, maxCells);
  // A final newline is not a row.
  const last = records[records.length - 1];
  if (last !== undefined && last.start === last.end && last.data.length === 1 && last.data[0] === '') records.pop();
  const width = usualWidth(records, text);
  const rows: RawRow[] = [];
  const repaired: number[] = [];
  for (const r of records) {
    if (!suspicious(r, text, delimiter, width)) {
      const problem = r.errors.map((e) => e.message).join('; ');
      rows.push({ row: rows.length + 1, cells: r.data, ...(problem !== '' ? { malformed: problem } : {}) });
      continue;
    }
    for (const line of linesOf(text.slice(r.start, r.end))) {
      const { cells, clean } = splitLenient(line, delimiter);
      const row = rows.length + 1;
      repaired.push(row);
      // Only a line whose own quotes are irregular and that does not fit the table is rejected; a clean line
      // is an ordinary row (a short one is treated as it would be anywhere else).
      const fits = clean || cells.length === width;
      rows.push({
        row,
        cells,
        ...(fits ? {} : { malformed: `unbalanced quote: the line splits into ${cells.length} fields, not ${width} / 引号不配对：该行拆出 ${cells.length} 个字段，而不是 ${width} 个` }),
      });
    }
  }
  const warnings: RawWarning[] = repaired.length > 0 ? [{ code: 'quotes-repaired', count: repaired.length, detail: rowList(repaired) }] : [];
  return { rows, warnings };
}

/** 'rows 3, 4, 9' (at most 20 listed). */
export function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 20).join(', ');
  return rows.length > 20 ? `${shown} …` : shown;
}
