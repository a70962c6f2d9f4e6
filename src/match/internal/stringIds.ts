import { fnv1a32 } from './fnv1a.js';

/**
 * Dense ids 0, 1, 2 … for strings: an open-addressing hash table (linear probing over an Int32Array) keyed by
 * the strings' FNV-1a hashes, strings compared on a hash match. Hand-written because a `Map<string, number>`
 * of a few million fresh strings costs about 0.5 µs a lookup (hashing, then cache misses in its chains).
 */
export interface StringIds {
  /** The id of a string, or −1. */
  get(text: string): number;
  /** The id of a string, a new one if it had none. */
  intern(text: string): number;
  /** The string of an id. */
  readonly text: (id: number) => string;
  readonly size: () => number;
}

/** An empty table. */
export function createStringIds(): StringIds {
  let slots = new Int32Array(1 << 12);
  let mask = slots.length - 1;
  let hashes = new Int32Array(1 << 11);
  const texts: string[] = [];
  const find = (text: string, h: number): number => {
    let at = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const s = slots[at]!;
      if (s === 0) return -1 - at;
      if (hashes[s - 1] === h && texts[s - 1] === text) return s - 1;
      at = (at + 1) & mask;
    }
  };
  const rehash = (): void => {
    slots = new Int32Array(slots.length * 2);
    mask = slots.length - 1;
    for (let id = 0; id < texts.length; id++) {
      const h = hashes[id]!;
      let at = (h ^ (h >>> 16)) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
  };
  return {
    get(text: string): number {
      const found = find(text, fnv1a32(text));
      return found >= 0 ? found : -1;
    },
    intern(text: string): number {
      const h = fnv1a32(text);
      const found = find(text, h);
      if (found >= 0) return found;
      const id = texts.length;
      texts.push(text);
      if (id === hashes.length) {
        const grown = new Int32Array(id * 2);
        grown.set(hashes);
        hashes = grown;
      }
      hashes[id] = h;
      if ((id + 1) * 2 > slots.length) rehash();
      else slots[-1 - found] = id + 1;
      return id;
    },
    text: (id) => texts[id]!,
    size: () => texts.length,
  };
}
