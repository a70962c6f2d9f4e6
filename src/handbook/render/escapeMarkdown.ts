const MD_ENTITIES: Readonly<Record<string, string>> = Object.freeze({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' });

/**
 * Make text inert inside Markdown (also in table cells): HTML-significant characters and `|` become
 * entities (so `<script>` stays text in every renderer), Markdown punctuation gets a backslash, and line
 * breaks become spaces.
 *
 * @param text - any text
 * @returns text safe to put in a Markdown paragraph or table cell
 * @example
 * escapeMarkdown('<b>*x*</b> | y'); // '&lt;b&gt;\\*x\\*&lt;/b&gt; &#124; y'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>|]/g, (ch) => MD_ENTITIES[ch]!)
    .replace(/[\\`*_[\]~]/g, (ch) => `\\${ch}`);
}
