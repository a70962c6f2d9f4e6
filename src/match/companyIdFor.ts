import { pinyin } from 'pinyin-pro';
import { fnv1a36 } from './internal/fnv1a.js';

const MAX_SLUG = 32;

/** The slug part of one character: its pinyin (most common reading), or itself, kept to [a-z0-9]. */
function syllable(ch: string, cache: Map<string, string> | undefined): string {
  const hit = cache?.get(ch);
  if (hit !== undefined) return hit;
  const s = (ch.charCodeAt(0) < 0x80 ? ch : pinyin(ch, { toneType: 'none', v: true })).toLowerCase().replace(/[^a-z0-9]/g, '');
  cache?.set(ch, s);
  return s;
}

/**
 * A stable company id from a normalised name key: the pinyin of the key's characters (each read alone,
 * so the id never depends on context; letters and digits, at most 32) plus a hash of the key. Equal keys
 * give equal ids in every run and on every machine.
 *
 * @param key - a key from `normalizeCompanyName`
 * @param cache - optional per-character cache (of each character's slug part), for speed when making many ids
 * @returns an id matching the `Id` schema
 * @example
 * companyIdFor(normalizeCompanyName('宁德时代新能源科技股份有限公司')); // 'ningdeshidaixinnengyuankeji-0v3b2kq'
 */
export function companyIdFor(key: string, cache?: Map<string, string>): string {
  let slug = '';
  for (const ch of key) {
    slug += syllable(ch, cache);
    if (slug.length >= MAX_SLUG) break;
  }
  slug = slug.slice(0, MAX_SLUG);
  return `${slug.length > 0 ? slug : 'c'}-${fnv1a36(key)}`;
}
