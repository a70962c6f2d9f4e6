import { sanitizeForTerminal } from './output.js';

/** Display width of a character in a terminal: 2 for CJK and full-width forms, else 1. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
}

/** Punctuation that must not start a line (it stays with the character before it). */
const NO_BREAK_BEFORE = /^[）)」』】〕，,。.、；;：:！!？?%]/u;

/** Words of a paragraph: runs of Latin text, single CJK characters, whitespace; closing punctuation sticks to the left. */
function tokens(paragraph: string): string[] {
  const raw = paragraph.match(/\s+|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/gu) ?? [];
  const out: string[] = [];
  for (const t of raw) {
    if (out.length > 0 && NO_BREAK_BEFORE.test(t) && !/\s$/u.test(out[out.length - 1]!)) out[out.length - 1] += t;
    else out.push(t);
  }
  return out;
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const word of tokens(paragraph)) {
    const ww = [...word].reduce((n, ch) => n + charWidth(ch), 0);
    if (w + ww > width && w > 0) {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
      if (/^\s+$/u.test(word)) continue;
    }
    line += word;
    w += ww;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Wrap each cell to its column's display width (CJK breaks between characters, Latin at spaces, explicit
 * newlines kept): cli-table3's own wrapping miscounts CJK widths.
 */
export function wrapCells(cells: readonly string[], widths: readonly number[]): string[] {
  return cells.map((raw, k) => {
    const width = Math.max(4, (widths[k] ?? 20) - 2);
    // Escaped before wrapping so the widths count what the terminal will show.
    return sanitizeForTerminal(raw).split('\n').flatMap((p) => wrapParagraph(p, width)).join('\n');
  });
}

