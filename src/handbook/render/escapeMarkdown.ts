import { stripControlChars } from '../../internal/controlChars.js';

const MD_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['|', '&#124;'],
]);

/**
 * Make text inert inside Markdown (also in table cells): control characters and bidi overrides are
 * removed, HTML-significant characters and `|` become entities (so `<script>` stays text in every
 * renderer), Markdown punctuation gets a backslash, and line breaks become spaces.
 *
 * @param text - any text
 * @returns text safe to put in a Markdown paragraph or table cell
 * @example
 * escapeMarkdown('<b>*x*</b> | y'); // '&lt;b&gt;\\*x\\*&lt;/b&gt; &#124; y'
 */
export function escapeMarkdown(text: string): string {
  return stripControlChars(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>|]/g, (ch) => MD_ENTITIES.get(ch)!)
    .replace(/[\\`*_[\]~]/g, (ch) => `\\${ch}`);
}

/**
 * A source URL for Markdown: an `<…>` autolink, in which CommonMark treats `_`, `*` and `\` literally, so
 * the link stays the URL (backslash-escaping it, as `escapeMarkdown` does, would change it). Only an
 * http(s) URL without spaces, `<` or `>` qualifies (`|` is percent-encoded so a table cannot split on it);
 * anything else is escaped as ordinary text.
 *
 * @param url - the URL as given in the dataset
 * @returns Markdown for the URL
 * @example
 * markdownUrl('https://x.cn/a_b'); // '<https://x.cn/a_b>'
 */
export function markdownUrl(url: string): string {
  const clean = stripControlChars(url).trim();
  return /^https?:\/\/[^\s<>]+$/i.test(clean) ? `<${clean.replace(/\|/g, '%7C')}>` : escapeMarkdown(clean);
}
