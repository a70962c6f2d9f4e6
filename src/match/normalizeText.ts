// Characters NFKC may change or that need cleaning: full-width forms, ideographic space, compatibility
// ideographs and symbols, odd spaces, zero-width marks, brackets we unify, combining marks.
// Everything outside these UTF-16 code-unit ranges needs work (surrogates included).
const CLEAN_RANGES: readonly (readonly [number, number])[] = [
  [0x21, 0x7e], [0xa1, 0x2ff], [0x370, 0x1dbf], [0x3001, 0x3003], [0x3005, 0x3007], [0x300a, 0x300f], [0x3012, 0x3013], [0x3040, 0x30ff],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7af],
];
// The same test as a table per code unit (1 = clean), filled once and only read: this test runs on every
// cell of an import, and a table lookup per character is several times faster than the character-class
// regex it replaces (/[^\x21-\x7e…]/, which tries a match at every position of a clean text).
const CLEAN = new Uint8Array(0x10000);
for (const [from, to] of CLEAN_RANGES) CLEAN.fill(1, from, to + 1);

function needsWork(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (CLEAN[text.charCodeAt(i)] === 0) return true;
  return false;
}

/**
 * Normalise the width and spacing of a text cell: full-width digits, letters and punctuation become
 * half-width (Unicode NFKC: `２０２３` → `2023`, `（` → `(`), the ideographic space and runs of white space
 * become one space, and the ends are trimmed. Chinese characters are kept as they are.
 *
 * @param text - any text
 * @returns the normalised text
 * @example
 * normalizeText('　宁德时代（中国）１２３　'); // '宁德时代(中国)123'
 */
export function normalizeText(text: string): string {
  if (!needsWork(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
}
