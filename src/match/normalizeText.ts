// Characters NFKC may change or that need cleaning: full-width forms, ideographic space, compatibility
// ideographs and symbols, odd spaces, zero-width marks, brackets we unify, combining marks.
const NEEDS_WORK = /[^\x21-\x7e\u00a1-\u02ff\u0370-\u1dbf\u3001-\u3003\u3005-\u3007\u300a-\u300f\u3012-\u3013\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;

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
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
}
