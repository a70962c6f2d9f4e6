/**
 * Code points that must never reach a terminal raw: C0 controls (ESC starts CSI/OSC sequences, BEL ends
 * OSC, CR overwrites a line), DEL, C1 controls (U+009B is a one-byte CSI, U+009D a one-byte OSC), the
 * line/paragraph separators (which JSON.stringify leaves raw) and the bidi controls that reorder what a
 * reader sees (Trojan Source: U+061C, U+200E/F, U+202A–202E, U+2066–2069). Tab and newline are kept.
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The same set minus CR and the line/paragraph separators: what file outputs (CSV, XLSX, HTML, Markdown) drop. */
const FILE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Escape every terminal-dangerous code point as `\uXXXX` (lowercase hex, as JSON.stringify writes C0).
 * Inside a JSON string this *is* the JSON escape, so applying it to JSON text keeps the value intact; in a
 * table it shows the byte instead of obeying it. Idempotent: the escaped text holds no unsafe code point.
 *
 * @param text - any text
 * @returns the text with unsafe code points as visible `\uXXXX`
 * @example
 * escapeControlChars('a\u001b]0;pwned\u0007b'); // 'a\\u001b]0;pwned\\u0007b'
 */
export function escapeControlChars(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Remove the control and bidi-override code points that have no business in a file output (CSV, XLSX,
 * HTML, Markdown); tab, newline and CR stay (they are ordinary cell or line content there).
 *
 * @param text - any text
 * @returns the text without those code points
 * @example
 * stripControlChars('華\u001b[2J為'); // '華[2J為'
 */
export function stripControlChars(text: string): string {
  return text.replace(FILE_UNSAFE, '');
}
