import { csvText } from '../../io/csv.js';
import type { Handbook } from '../types.js';
import { targetColumns, targetRow } from './tableRows.js';

/** Decimals of a number column in the CSV, from its Excel number format ('0.00' → 4: the CSV keeps more than the sheet shows). */
const digitsOf = (numFmt: string | undefined): number | undefined => (numFmt === undefined || numFmt === '0' ? undefined : 4);

/**
 * Write every chapter's targets as one CSV through the project's CSV writer (`csvText` of src/io/csv.ts): UTF-8
 * with a byte-order mark (so Excel opens Chinese correctly), CRLF line ends, an industry column first,
 * contributions as plain numbers (4 decimals); every text cell is neutralised against formulas.
 *
 * @param handbook - from `buildHandbook`
 * @returns the CSV text, starting with U+FEFF
 * @example
 * await writeFile('out/targets.csv', writeCsv(buildHandbook(liaocheng())), 'utf8');
 */
export function writeCsv(handbook: Handbook): string {
  const columns = targetColumns(handbook.lang, true).map((c) => ({ key: c.key, header: c.header, ...(digitsOf(c.numFmt) !== undefined ? { digits: digitsOf(c.numFmt)! } : {}) }));
  const rows = handbook.chapters.flatMap((ch) => ch.targets.map((t) => targetRow(t, ch, '; ', handbook.lang)));
  return csvText(rows, columns);
}
