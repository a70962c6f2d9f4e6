import { pinyin } from 'pinyin-pro';

/** Pinyin of a text without tones: `full` syllables joined ('ningdeshidai'), `initials` ('ndsd'); non-Chinese runs kept, lowercased, spaces removed. */
export function pinyinOf(text: string): { readonly full: string; readonly initials: string } {
  if (text.length === 0) return { full: '', initials: '' };
  const full = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const initials = pinyin(text, { toneType: 'none', type: 'array', pattern: 'first', nonZh: 'consecutive' });
  const clean = (parts: readonly string[]): string => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return { full: clean(full), initials: clean(initials) };
}
