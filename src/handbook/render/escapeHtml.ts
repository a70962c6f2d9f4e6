import { stripControlChars } from '../../internal/controlChars.js';

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/**
 * Escape text for HTML and SVG, in element content and in quoted attribute values alike: & < > " '.
 * Control characters and bidi overrides (ESC, C1, U+202E …) are removed: they are invalid in HTML/XML
 * text and only serve to disguise what a reader sees. Every piece of data that reaches the handbook's
 * HTML goes through this.
 *
 * @param text - any text
 * @returns the escaped text
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return stripControlChars(text).replace(/[&<>"']/g, (ch) => ENTITIES.get(ch)!);
}
