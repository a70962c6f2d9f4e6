// Advance widths of the printable ASCII characters (U+0020–U+007E) in 1/1000 em: Helvetica's (its AFM), a
// slightly generous stand-in for the Latin glyphs of the CJK system fonts the maps are drawn in (Noto Sans CJK's
// Latin is narrower), so a label measured to fit does fit.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0–9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A–O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P–Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a–o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p–z { | } ~
];

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2026]/;

/**
 * Width of a text in em: CJK, full-width characters and … 1, printable ASCII by its glyph width (Helvetica's metrics:
 * i 0.22, m 0.83, W 0.94), any other character 0.56.
 *
 * @example
 * textWidthEm('铝型材'); // 3
 * textWidthEm('Il'); // 0.5
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    w += c >= 0x20 && c <= 0x7e ? ASCII_WIDTHS[c - 0x20]! / 1000 : CJK.test(ch) ? 1 : 0.56;
  }
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
