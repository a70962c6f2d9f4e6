/** Approximate width of a text in em: CJK and full-width characters 1, others about 0.56. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.56;
  return w;
}

const BREAK_AFTER = new Set(['与', '、', '和', '及', '/', '-', '（', ' ']);

const isBreak = (chars: readonly string[], k: number): boolean => BREAK_AFTER.has(chars[k - 1]!) || chars[k] === ' ' || chars[k] === '（';

function splitOnce(text: string, maxEm: number): [string, string] {
  const chars = [...text];
  let fit = 0;
  let w = 0;
  while (fit < chars.length && w + textWidthEm(chars[fit]!) <= maxEm) w += textWidthEm(chars[fit++]!);
  if (fit >= chars.length) return [text, ''];
  const cut = (k: number): [string, string] => [chars.slice(0, k).join('').trimEnd(), chars.slice(k).join('').trimStart()];
  // Prefer a break after a separator in the second half of the line; in Latin text any word break will do;
  // else balance CJK lines; else break hard.
  for (let k = fit; k > Math.floor(fit / 2); k--) if (isBreak(chars, k)) return cut(k);
  const cjk = textWidthEm(text) === chars.length;
  if (!cjk) for (let k = Math.floor(fit / 2); k > 0; k--) if (isBreak(chars, k)) return cut(k);
  const balanced = cjk && textWidthEm(text) <= 2 * maxEm ? Math.ceil(chars.length / 2) : fit;
  return cut(balanced);
}

/**
 * Wrap a label into at most `maxLines` lines of at most `maxEm` em each, breaking after separators
 * (与、和 / space) where possible; the last line ends with … when the text does not fit.
 *
 * @param text - the label
 * @param maxEm - line width in em (font size units)
 * @param maxLines - most lines
 * @returns the lines
 * @example
 * wrapLabel('储能变流器与电池管理系统', 8, 2); // ['储能变流器与', '电池管理系统']
 */
export function wrapLabel(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      if (textWidthEm(rest) <= maxEm) lines.push(rest);
      else {
        const chars = [...rest];
        let out = '';
        for (const ch of chars) {
          if (textWidthEm(`${out}${ch}…`) > maxEm) break;
          out += ch;
        }
        lines.push(`${out.trimEnd()}…`);
      }
      break;
    }
    const [line, next] = splitOnce(rest, maxEm);
    lines.push(line);
    rest = next;
  }
  return lines;
}
