import { escapeControlChars } from '../internal/controlChars.js';

/**
 * The text of `JSON.stringify(items, null, 2) + '\n'` with terminal-unsafe code points escaped (as the CLI's
 * `toJson` writes it), produced one item at a time: byte for byte the same text, without ever holding the whole of
 * it. Writing a 100,000-company list this way keeps a few hundred bytes of JSON in memory instead of about 300 MB
 * (the UTF-16 string, its escaped copy and the UTF-8 buffer of a 156 MB file).
 *
 * @param items - the array to write (items that JSON cannot hold — undefined, functions — become `null`, as in an array)
 * @returns chunks whose concatenation is the JSON text
 * @example
 * [...jsonArrayChunks([{ a: 1 }])].join(''); // '[\n  {\n    "a": 1\n  }\n]\n'
 */
export function* jsonArrayChunks(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < items.length; i++) {
    // Each item inside a one-element array (so undefined becomes null, as in an array; a toJSON sees the key '0').
    const text = JSON.stringify([items[i]], null, 2);
    // '[\n  <item indented by 2>\n]': the item with the array's indentation, taken from the one-element array.
    const body = text.slice(4, -2);
    yield `${i === 0 ? '[\n  ' : ',\n  '}${escapeControlChars(body)}`;
  }
  yield '\n]\n';
}
