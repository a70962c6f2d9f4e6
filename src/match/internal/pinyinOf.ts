import { pinyin } from 'pinyin-pro';

const NOT_PINYIN = /[^a-z0-9]/g;

/**
 * Pinyin of a text without tones: `full` syllables joined ('ningdeshidai'), `initials` ('ndsd'); non-Chinese runs kept, lowercased, spaces removed.
 * One pinyin-pro call (its cost dominates indexing): the initials are the first letter of each syllable, and a
 * non-Chinese run (returned as it is written, so it still starts the text at that position) is kept whole —
 * what pinyin-pro's `pattern: 'first'` gives.
 */
export function pinyinOf(text: string): { readonly full: string; readonly initials: string } {
  if (text.length === 0) return { full: '', initials: '' };
  const parts = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  let full = '';
  let initials = '';
  let at = 0;
  for (const part of parts) {
    full += part;
    if (part.length > 0 && text.startsWith(part, at)) {
      initials += part;
      at += part.length;
    } else {
      initials += part.charAt(0);
      const code = text.codePointAt(at);
      at += code !== undefined && code > 0xffff ? 2 : 1;
    }
  }
  return { full: full.toLowerCase().replace(NOT_PINYIN, ''), initials: initials.toLowerCase().replace(NOT_PINYIN, '') };
}
