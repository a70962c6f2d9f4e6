/**
 * FNV-1a (32-bit) hash of a text's UTF-8 bytes (NFC-normalised first), as an unsigned integer. Stable across
 * runs and platforms: the backtest's dev / held-out split rests on it.
 *
 * @example
 * fnv1a(''); // 2166136261
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text.normalize('NFC'))) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Which part of the backtest a record belongs to. */
export type SplitPart = 'dev' | 'heldout';

/**
 * The fixed dev / held-out split of the backtest: a company is held out when the FNV-1a hash of its name, mod 100,
 * is below `heldOutPercent` (default 30). Decided by the name alone, before any result is seen; never tune on
 * the held-out part.
 *
 * @example
 * splitOf('中国中化控股有限责任公司'); // 'heldout'
 */
export function splitOf(name: string, heldOutPercent = 30): SplitPart {
  return fnv1a(name) % 100 < heldOutPercent ? 'heldout' : 'dev';
}
