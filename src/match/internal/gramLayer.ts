/**
 * One layer of a name index: texts (each owned by a record, in record order) split into distinct bigram
 * ids, and for each bigram the texts that hold it (postings, ascending), both in compressed sparse row
 * form over typed arrays.
 *
 * Hand-written rather than a Map of arrays: a million names give about three million texts and fifteen
 * million bigram occurrences; one JS array per text or per bigram costs tens of bytes of header each and
 * a lot of garbage-collector time, while two passes over flat Int32Arrays cost four bytes per entry.
 */
export interface GramLayer {
  /** Number of texts. */
  readonly size: number;
  /** Record that owns each text (non-decreasing). */
  readonly owner: Int32Array;
  /** Bigram ids of text t: grams[gramStart[t] .. gramStart[t + 1]), distinct. */
  readonly gramStart: Uint32Array;
  readonly grams: Int32Array;
  /** Texts holding bigram g: post[postStart[g] .. postStart[g + 1]), ascending. */
  readonly postStart: Uint32Array;
  readonly post: Int32Array;
  /** Weight of each bigram: ln(1 + texts / texts holding it), rounded to 1/1024 (so sums are exact in any order). */
  readonly gramWeight: Float32Array;
  /** Weight of each text: the sum of its bigrams' weights. */
  readonly textWeight: Float32Array;
  /** Beside each posting, its text's weight: the weight filter reads it in sequence. */
  readonly postWeight: Float32Array;
  /** Weight of a bigram absent from the layer (held by no text: the rarest possible). */
  readonly absentWeight: number;
  /** Bigram id of a bigram code (see `gramCode`), −1 when no text holds it. */
  readonly gramIdOf: (code: number) => number;
}

/**
 * Open-addressing hash table from non-negative integer codes to dense ids 0, 1, 2 … (linear probing over an
 * Int32Array). Hand-written because a `Map` costs about 70 ns a lookup here, and building the index of a
 * million names does about ten million lookups.
 */
function createCodeTable(): { get(code: number): number; intern(code: number): number; readonly size: () => number } {
  let slots = new Float64Array(1 << 12).fill(-1);
  let ids = new Int32Array(1 << 12);
  let mask = slots.length - 1;
  let size = 0;
  const slotOf = (code: number): number => {
    let h = Math.imul(code | 0, 0x9e3779b1) ^ Math.floor(code / 4294967296);
    h = (h ^ (h >>> 15)) & mask;
    while (slots[h] !== -1 && slots[h] !== code) h = (h + 1) & mask;
    return h;
  };
  const rehash = (): void => {
    const oldSlots = slots;
    const oldIds = ids;
    slots = new Float64Array(oldSlots.length * 2).fill(-1);
    ids = new Int32Array(oldSlots.length * 2);
    mask = slots.length - 1;
    for (let k = 0; k < oldSlots.length; k++) {
      if (oldSlots[k] === -1) continue;
      const h = slotOf(oldSlots[k]!);
      slots[h] = oldSlots[k]!;
      ids[h] = oldIds[k]!;
    }
  };
  return {
    get(code: number): number {
      const h = slotOf(code);
      return slots[h] === -1 ? -1 : ids[h]!;
    },
    intern(code: number): number {
      let h = slotOf(code);
      if (slots[h] !== -1) return ids[h]!;
      if ((size + 1) * 2 > slots.length) {
        rehash();
        h = slotOf(code);
      }
      slots[h] = code;
      ids[h] = size;
      return size++;
    },
    size: () => size,
  };
}

/** Builds a `GramLayer` in two passes: texts are added in record order, then `finish` fills the postings. */
export interface GramLayerBuilder {
  /** Add a text of `owner` (owners must not decrease); returns the text id. */
  add(owner: number, text: string): number;
  finish(): GramLayer;
}

/**
 * Small ids of the UTF-16 units seen in an index's texts, so a bigram code (id₁ · 65536 + id₂) stays a
 * small integer that a Map hashes fast. 0 = not seen. Owned by one index.
 */
export interface CharIds {
  readonly ids: Uint16Array;
  next: number;
}

/** A fresh character-id table. */
export function createCharIds(): CharIds {
  return { ids: new Uint16Array(65536), next: 1 };
}

function charId(chars: CharIds, unit: number, assign: boolean): number {
  let id = chars.ids[unit]!;
  if (id === 0 && assign && chars.next < 65536) {
    id = chars.next++;
    chars.ids[unit] = id;
  }
  return id;
}

/**
 * The code of the bigram at `at` in `text` (or of a one-character text itself); −1 when a character has no
 * id (never seen in the index, so no text holds the bigram) and `assign` is false.
 */
export function gramCode(chars: CharIds, text: string, at: number, assign: boolean): number {
  const a = charId(chars, text.charCodeAt(at), assign);
  if (a === 0) return -1;
  if (text.length === 1) return a;
  const b = charId(chars, text.charCodeAt(at + 1), assign);
  if (b === 0) return -1;
  return a * 65536 + b;
}

/** ln(1 + texts / holders), rounded to 1/1024: multiples of 1/1024 add up exactly in a float, in any order. */
function weightOf(texts: number, holders: number): number {
  return Math.round(Math.log(1 + texts / Math.max(1, holders)) * 1024) / 1024;
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const out = new Int32Array(Math.max(need, a.length * 2));
  out.set(a);
  return out;
}

/**
 * Start a layer over `chars` (shared with the index's other layers and its queries).
 *
 * @param chars - the index's character ids (new characters get ids)
 * @param expectedTexts - a size hint
 * @param weighted - weigh bigrams by rarity (see `GramLayer.gramWeight`); false: every weight is 1
 * @returns a builder
 */
export function createGramLayerBuilder(chars: CharIds, expectedTexts: number, weighted = true): GramLayerBuilder {
  const table = createCodeTable();
  let owner = new Int32Array(Math.max(16, expectedTexts));
  let gramStart = new Int32Array(Math.max(16, expectedTexts + 1));
  let grams = new Int32Array(Math.max(16, expectedTexts * 4));
  let counts = new Int32Array(1024);
  // The last text that received each bigram: per-text de-duplication without a Set per text.
  let lastText = new Int32Array(1024);
  let texts = 0;
  let used = 0;
  return {
    add(o: number, text: string): number {
      const t = texts++;
      owner = grow(owner, texts);
      gramStart = grow(gramStart, texts + 1);
      const n = text.length === 1 ? 1 : text.length - 1;
      grams = grow(grams, used + n);
      for (let k = 0; k < n; k++) {
        const code = gramCode(chars, text, k, true);
        const known = table.size();
        const id = table.intern(code);
        if (id === known) {
          counts = grow(counts, id + 1);
          lastText = grow(lastText, id + 1);
          lastText[id] = -1;
        }
        if (lastText[id] === t) continue;
        lastText[id] = t;
        counts[id]!++;
        grams[used++] = id;
      }
      owner[t] = o;
      gramStart[t + 1] = used;
      return t;
    },
    finish(): GramLayer {
      const gramCount = table.size();
      const postStart = new Uint32Array(gramCount + 1);
      for (let g = 0; g < gramCount; g++) postStart[g + 1] = postStart[g]! + counts[g]!;
      const fill = new Uint32Array(postStart.subarray(0, gramCount));
      const gramWeight = new Float32Array(gramCount);
      for (let g = 0; g < gramCount; g++) gramWeight[g] = weighted ? weightOf(texts, counts[g]!) : 1;
      const textWeight = new Float32Array(texts);
      for (let t = 0; t < texts; t++) {
        let w = 0;
        for (let k = gramStart[t]!, end = gramStart[t + 1]!; k < end; k++) w += gramWeight[grams[k]!]!;
        textWeight[t] = w;
      }
      const post = new Int32Array(used);
      const postWeight = new Float32Array(used);
      for (let t = 0; t < texts; t++) {
        const w = textWeight[t]!;
        for (let k = gramStart[t]!, end = gramStart[t + 1]!; k < end; k++) {
          const at = fill[grams[k]!]!++;
          post[at] = t;
          postWeight[at] = w;
        }
      }
      return {
        size: texts,
        owner: owner.slice(0, texts),
        gramStart: Uint32Array.from(gramStart.subarray(0, texts + 1)),
        grams: grams.slice(0, used),
        postStart,
        post,
        gramWeight,
        textWeight,
        postWeight,
        absentWeight: weighted ? weightOf(texts, 0) : 1,
        gramIdOf: (code: number) => (code < 0 ? -1 : table.get(code)),
      };
    },
  };
}
