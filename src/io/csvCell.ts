import { stripControlChars } from '../internal/controlChars.js';

/**
 * Neutralise a spreadsheet cell that would start a formula (CSV/formula injection, OWASP):
 * text starting with =, +, -, @, tab or CR gets a leading apostrophe. Plain numbers stay numbers. Control and
 * bidi-override characters (ESC, C1, U+202E …) are dropped first: they have no meaning in a cell, exceljs would
 * write them into invalid XML, and a CSV printed with `cat` would obey them.
 *
 * @example
 * neutralizeCell('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * neutralizeCell(-3); // -3
 */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  const text = stripControlChars(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
