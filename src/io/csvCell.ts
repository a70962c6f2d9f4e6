/**
 * Neutralise a spreadsheet cell that would start a formula (CSV/formula injection, OWASP):
 * text starting with =, +, -, @, tab or CR gets a leading apostrophe. Plain numbers stay numbers.
 *
 * @example
 * neutralizeCell('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * neutralizeCell(-3); // -3
 */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
