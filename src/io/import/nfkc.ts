/**
 * `text.normalize('NFKC')`, without the call into ICU for pure-ASCII text, which NFKC leaves as it is
 * (no ASCII character has a compatibility decomposition or composes with another). Import cells are
 * mostly ASCII numbers and dates, read once per row of large files.
 *
 * @param text - any text
 * @returns the NFKC form of the text
 * @example
 * nfkc('１２３万元'); // '123万元'
 */
export function nfkc(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return text.normalize('NFKC');
  return text;
}
