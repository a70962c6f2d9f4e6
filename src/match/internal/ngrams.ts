/**
 * Distinct character bigrams of a normalised key (a one-character key yields itself).
 * Bigrams suit Chinese names, where most words are two characters, and pinyin alike.
 */
export function bigrams(key: string): string[] {
  if (key.length < 2) return key.length === 1 ? [key] : [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return [...out];
}
