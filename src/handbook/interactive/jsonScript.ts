import { stripControlChars } from '../../internal/controlChars.js';

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&` and the line separators U+2028/U+2029 are
 * written as `\uXXXX` escapes, so no data text (a company called `</script><script>…`, an HTML comment opener) can end
 * the element or start markup; `JSON.parse(el.textContent)` gives the value back. Control characters and bidi
 * overrides are removed from string values, as `escapeHtml` removes them from the page's text.
 *
 * @param value - any JSON-serialisable value
 * @returns the JSON text, safe inside a script element
 * @example
 * jsonForScript({ name: '</script>' }); // '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? stripControlChars(v) : v)).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
