import Papa from 'papaparse';
import { neutralizeCell } from '../../io/csvCell.js';
import type { Handbook } from '../types.js';
import { targetColumns, targetRow } from './tableRows.js';

/**
 * Write every chapter's targets as one CSV: UTF-8 with a byte-order mark (so Excel opens Chinese
 * correctly), CRLF line ends, an industry column first, contributions as numbers; every text cell goes
 * through `neutralizeCell` (formula injection).
 *
 * @param handbook - from `buildHandbook`
 * @returns the CSV text, starting with U+FEFF
 * @example
 * await writeFile('out/targets.csv', writeCsv(buildHandbook(liaocheng())), 'utf8');
 */
export function writeCsv(handbook: Handbook): string {
  const columns = targetColumns(handbook.lang, true);
  const data = handbook.chapters.flatMap((ch) => ch.targets.map((t) => targetRow(t, ch, '; ', handbook.lang)).map((row) => columns.map((c) => neutralizeCell(row[c.key] ?? ''))));
  const fields = columns.map((c) => neutralizeCell(c.header));
  return `\uFEFF${Papa.unparse({ fields, data }, { newline: '\r\n' })}\r\n`;
}
