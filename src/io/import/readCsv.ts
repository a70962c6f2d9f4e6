import Papa from 'papaparse';
import type { RawRow, RawSheet } from './rawTable.js';

const DELIMITERS = [',', '\t', ';', '|'];

function parse(text: string, delimiter?: string): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: false, ...(delimiter ? { delimiter } : {}) });
}

/** The delimiter most used on the first line, when papaparse cannot tell (few rows, one column …). */
function firstLineDelimiter(text: string): string | undefined {
  const line = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = DELIMITERS.map((d) => [d, line.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : undefined;
}

/**
 * Split CSV/TSV text into rows with papaparse (quotes, embedded newlines, delimiters guessed).
 * Row numbers are record numbers from 1, as Excel shows them; rows papaparse could not split cleanly are marked.
 */
export function readCsv(text: string): RawSheet {
  let result = parse(text);
  if (result.errors.some((e) => e.code === 'UndetectableDelimiter')) {
    const d = firstLineDelimiter(text);
    if (d !== undefined && d !== ',') result = parse(text, d);
  }
  const data = result.data;
  // A final newline is not a row.
  const n = data.length > 0 && data[data.length - 1]!.length === 1 && data[data.length - 1]![0] === '' && /\r?\n$/.test(text) ? data.length - 1 : data.length;
  const problems = new Map<number, string>();
  for (const e of result.errors) {
    if (e.row === undefined || e.code === 'UndetectableDelimiter') continue;
    problems.set(e.row, problems.has(e.row) ? `${problems.get(e.row)}; ${e.message}` : e.message);
  }
  const rows: RawRow[] = [];
  for (let i = 0; i < n; i++) {
    const problem = problems.get(i);
    rows.push({ row: i + 1, cells: data[i]!, ...(problem !== undefined ? { malformed: problem } : {}) });
  }
  return { rows, warnings: [] };
}
