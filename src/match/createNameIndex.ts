import Fuse, { type IFuseOptions } from 'fuse.js';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { companyKey, isOwnKey, nameForms, placeListFor, type NameForms } from './companyKey.js';
import { fnv1a32 } from './internal/fnv1a.js';
import { createCharIds, createGramLayerBuilder, gramCode, type GramLayer } from './internal/gramLayer.js';
import { bigrams } from './internal/ngrams.js';
import { createStringIds } from './internal/stringIds.js';
import { pinyinOf } from './internal/pinyinOf.js';
import type { MatchedOn, NamedRecord, NameMatch } from './types.js';

/** Options of `createNameIndex`. Defaults in the schema. */
export const NameIndexOptionsSchema = z.object({
  /** Leading place names to strip from names (a dataset's cities); provinces are always stripped. */
  places: z.array(z.string()).readonly().optional(),
  /**
   * Compare pinyin too, so 'ningdeshidai' or 'ndsd' finds 宁德时代. `true` (default): the pinyin of every key is
   * computed when the first query with Latin letters needs it (about 50 µs a name: 50 s for a million);
   * 'eager': while the index is built; false: never.
   */
  pinyin: z.union([z.boolean(), z.literal('eager')]).default(true),
  /**
   * How bigrams count in the Dice coefficient of `match` and `similar` (see `NameIndex`): 'rarity' (default)
   * weighs each by ln(1 + texts / texts holding it), so names sharing only an industry word score low (few
   * false matches, but a mistyped character, a new rare bigram, costs much); 'equal' gives the plain Dice
   * coefficient (more mistyped names found, more different firms of one industry above 0.8 on large lists).
   */
  bigramWeights: z.enum(['rarity', 'equal']).default('rarity'),
  /** How many blocking candidates (the most similar by weighted bigram Dice, see `NameIndex`) `search` scores with fuse.js per query. */
  candidates: z.number().int().positive().max(1000).default(40),
});
export type NameIndexOptions = z.input<typeof NameIndexOptionsSchema>;

/** Options of one search. */
export interface NameSearchOptions {
  /** Most matches returned (default 10). */
  readonly limit?: number;
  /** Lowest score returned, in [0, 1] (default 0.4). */
  readonly minScore?: number;
}

/** A record found by `NameIndex.similar`: its position and its Dice coefficient with the key (see `NameIndex`). */
export interface SimilarRecord {
  readonly index: number;
  readonly dice: number;
}

/**
 * A name index over a list of records: exact key lookup and fuzzy search behind an n-gram block.
 *
 * **Similarity.** A record has texts: its key, the key of each alias and, for queries with Latin letters when
 * pinyin is on, the pinyin of its key in full and as initials. Each text is its set of distinct bigrams (a
 * one-character text is its own bigram), and each bigram g has a weight w(g) = ln(1 + texts / texts holding g)
 * (rounded to 1/1024; all 1 with `bigramWeights: 'equal'`), so a bigram that many names share (铝业, 汽车 of an industry word) counts less than one of
 * a trade name (字号). The similarity of a query key Q to a record is the best weighted Dice coefficient
 * 2·W(Q ∩ T) / (W(Q) + W(T)), W = sum of weights, over the record's texts T: 1 for the same bigram set, and
 * aliases or pinyin never dilute the score of the name (力神电池 scores 1 against a record keyed 力神电池
 * whatever its aliases). A query bigram that no text holds weighs ln(1 + texts).
 *
 * **Blocking.** Only texts sharing a bigram with the query are compared, found through the postings of its
 * bigrams (never all records). With a floor θ on the score, a text needs θ·W(Q) / (2 − θ) ≤ W(T) ≤
 * (2 − θ)·W(Q) / θ, read beside the postings, and most texts are settled from the postings alone. A bigram held
 * by more than 2,048 texts (an industry word in a million names) is too common to block on and is skipped,
 * unless it is the query's rarest, when its first 2,048 texts are read; so a text sharing only such common
 * bigrams with the query can be missed. Without a floor (`similar` without `minDice`, the candidates of
 * `search`), the first 256 postings of the three rarest bigrams are read, and the 4 × limit texts sharing the
 * most weight with the query are scored.
 */
export interface NameIndex {
  readonly size: number;
  /** The key of record `index` (see `normalizeCompanyName`). */
  keyOf(index: number): string;
  /** The key a name would have in this index (same places). */
  keyFor(name: string): string;
  /** Indexes of records whose name or an alias has this key, ascending. */
  byKey(key: string): readonly number[];
  /**
   * Records similar to a key (best weighted Dice over their texts, see above), best first then by index; only
   * records before index `before` when given (for deduplication in order), only those scoring at least
   * `minDice` when given (which also lets blocking drop the texts that cannot reach it).
   */
  similar(key: string, limit: number, before?: number, minDice?: number): readonly SimilarRecord[];
  /** Fuzzy search for people: names, aliases and (if indexed) pinyin scored by fuse.js over the blocked candidates; score desc then id asc. */
  search(query: string, options?: NameSearchOptions): NameMatch[];
  /**
   * Bulk matching without fuse.js (for 100,000 names against a million). Records with the same key as the
   * name score 1, ordered: the same whole name first (width, script, case and punctuation aside), then the
   * same name without legal form (so the place prefix agrees), then key before alias, then index (only these,
   * up to `limit`). When no record has the key, similar records (best weighted Dice over their texts, see
   * above) scoring at least `minScore`, the score rounded to 4 decimals and kept below 1, best first, then by
   * index. Default `minScore` 0.8, `limit` 5.
   */
  match(name: string, options?: NameSearchOptions): NameMatch[];
}

interface Doc {
  readonly index: number;
  readonly key: string;
  readonly aliases: readonly string[];
  readonly pinyin: string;
  readonly initials: string;
}

const HAN = /[\u3400-\u9fff]/;
const LATIN = /[a-z]/;
const EMPTY: readonly number[] = [];
const FUSE_THRESHOLD = 0.6;
/** Sum of the key weights below (fuse.js divides each weight by it). */
const FUSE_WEIGHT_SUM = 1 + 0.9 + 0.7 + 0.5;
const FUSE_OPTIONS: IFuseOptions<Doc> = {
  keys: [
    { name: 'key', weight: 1 },
    { name: 'aliases', weight: 0.9 },
    { name: 'pinyin', weight: 0.7 },
    { name: 'initials', weight: 0.5 },
  ],
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  threshold: FUSE_THRESHOLD,
};

/** How often each UTF-16 unit occurs in a text (fuse.js compares texts unit by unit). */
function charCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

/** Fewest bitap errors possible for `pattern` in `text`, as a share of its length (see `mayMatch`). */
function leastErrorShare(pattern: string, counts: ReadonlyMap<string, number>, text: string): number {
  let common = 0;
  const used = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const have = counts.get(c);
    if (have === undefined) continue;
    const u = used.get(c) ?? 0;
    if (u < have) {
      used.set(c, u + 1);
      common++;
    }
  }
  return (pattern.length - common) / pattern.length;
}

/**
 * An upper bound of the score fuse.js can give a document (1 − fuse's score, before rounding): fuse multiplies,
 * over the texts that match, each text's score (at least max(0.001, its error share)) raised to its key's
 * weight (weights sum to 1) times a field norm of at most 1; so every text that may match at best contributes
 * max(0.001, least error share) ^ weight. A document whose bound is below `minScore` (less a margin for the
 * rounding to 4 decimals) cannot be returned and need not be scored. Patterns over 32 characters get no bound.
 */
function bestScore(pattern: string, counts: ReadonlyMap<string, number>, key: string, aliases: readonly string[], pinyin: string, initials: string): number {
  if (pattern.length > 32) return 1;
  let product = 1;
  const factor = (text: string, weight: number): void => {
    if (text !== '') product *= Math.pow(Math.max(0.001, leastErrorShare(pattern, counts, text)), weight / FUSE_WEIGHT_SUM);
  };
  factor(key, 1);
  for (const a of aliases) factor(a, 0.9);
  factor(pinyin, 0.7);
  factor(initials, 0.5);
  return 1 - product + 1e-4;
}

/**
 * Whether fuse.js's bitap can match `pattern` in `text` at our threshold. Bitap reports a match with e errors
 * only when at least (length − e) pattern characters match text characters in order, so e ≥ length − c, where c
 * is the number of pattern characters the text holds (counted with multiplicity); with score e / length it needs
 * (length − c) / length ≤ threshold. Patterns over 32 characters, which fuse splits into pieces, are never ruled out.
 */
function mayMatch(pattern: string, counts: ReadonlyMap<string, number>, text: string): boolean {
  if (text.length === 0) return false;
  if (pattern.length > 32) return true;
  // The same arithmetic as fuse's score for the fewest errors possible.
  return leastErrorShare(pattern, counts, text) <= FUSE_THRESHOLD;
}
/** Without a floor on the score, blocking reads the first MAX_SCAN_RAREST postings of the query's RAREST bigrams, and scores the 4 × limit texts sharing most weight. */
const RAREST = 3;
const MAX_SCAN_RAREST = 256;
/** Most entries read from one postings list (lists are in record order). */
const MAX_SCAN = 2048;
/** Most texts whose exact Dice is computed per layer (those sharing most of the rarest bigrams first). */
const MAX_EXACT = 1024;
/** Text kinds, in the order they win ties. */
const KEY = 0;
const ALIAS = 1;
const PINYIN = 2;
const KIND_MATCHED_ON: readonly MatchedOn[] = ['name', 'alias', 'pinyin'];

interface Hit {
  readonly index: number;
  readonly dice: number;
  readonly kind: number;
}

/** The pinyin layer, built on demand: per record its full pinyin and initials (empty when its key has no Chinese). */
interface PinyinLayer {
  readonly layer: GramLayer;
  readonly full: readonly string[];
  readonly initials: readonly string[];
  /** Scratch of one query (see `scanLayer`). */
  readonly marks: Float32Array;
  readonly counts: Float64Array;
}

/**
 * Index company names for matching: each name and alias is reduced to its key, keys are split into bigrams
 * held in compact postings (typed arrays), and a query is compared only to the records found through its
 * rarest bigrams (blocking, see `NameIndex`), never to all records, so a query costs about the same on a
 * list of a thousand names or of a million. `match` scores by bigram Dice (the bulk matcher); `search`
 * scores the blocked candidates with fuse.js (for people: partial names, pinyin, initials).
 *
 * @param records - records with `id`, `name` and optional `aliases`
 * @param options - `{ places, pinyin, bigramWeights, candidates }`
 * @returns a reusable index
 * @throws {UsageError} OPTIONS_INVALID when options are malformed
 * @example
 * const idx = createNameIndex(liaocheng().companies);
 * idx.search('宁德时代')[0]?.id;
 */
export function createNameIndex(records: readonly NamedRecord[], options?: NameIndexOptions): NameIndex {
  const parsed = NameIndexOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new UsageError('createNameIndex: invalid options', 'createNameIndex：选项无效', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), 'OPTIONS_INVALID');
  }
  const o = parsed.data;
  const places = placeListFor(o.places);
  const n = records.length;
  const chars = createCharIds();
  const builder = createGramLayerBuilder(chars, n * 2, o.bigramWeights === 'rarity');
  // Per record: its texts are base-layer texts recStart[i] .. recStart[i + 1] (key first, then distinct alias keys).
  const recStart = new Uint32Array(n + 1);
  // Per text: its string, kind, key id, hashes of its whole name and of its name without legal form, and its
  // source (0 = the record's name, k + 1 = alias k; 255 = not kept) to check a hash match against the string.
  // The texts' key strings are kept once, in `keyIds` (text t's key is keyIds.text(textKeyId[t])).
  let textCount = 0;
  let textKind = new Uint8Array(n * 2 + 16);
  let textKeyId = new Int32Array(n * 2 + 16);
  let textPlain = new Int32Array(n * 2 + 16);
  let textFull = new Int32Array(n * 2 + 16);
  let textSrc = new Uint8Array(n * 2 + 16);
  const keyIds = createStringIds();
  let keyCounts = new Int32Array(1024);
  const addText = (i: number, forms: NameForms, kind: number, src: number): void => {
    // A record's texts have distinct keys (an alias with the key of the name or of an earlier alias adds nothing).
    const known = keyIds.size();
    const id = keyIds.intern(forms.key);
    for (let k = recStart[i]!; k < textCount; k++) if (textKeyId[k] === id) return;
    if (id === known) {
      if (id === keyCounts.length) {
        const grown = new Int32Array(id * 2);
        grown.set(keyCounts);
        keyCounts = grown;
      }
    }
    const t = builder.add(i, forms.key);
    if (t === textKind.length) {
      const size = t * 2;
      textKind = growU8(textKind, size);
      textSrc = growU8(textSrc, size);
      textKeyId = growI32(textKeyId, size);
      textPlain = growI32(textPlain, size);
      textFull = growI32(textFull, size);
    }
    textCount++;
    textKind[t] = kind;
    textKeyId[t] = id;
    textPlain[t] = fnv1a32(forms.plain);
    textFull[t] = fnv1a32(forms.full);
    textSrc[t] = Math.min(src, 255);
    keyCounts[id]!++;
  };
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    recStart[i] = textCount;
    const forms = nameForms(r.name, places);
    if (forms.key.length > 0) addText(i, forms, KEY, 0);
    if (r.aliases !== undefined) {
      for (let k = 0; k < r.aliases.length; k++) {
        // An alias that is the name's key itself adds nothing (see `isOwnKey`): skipped without reducing it.
        if (r.aliases[k] === forms.key && isOwnKey(forms.key, places)) continue;
        const a = nameForms(r.aliases[k]!, places);
        if (a.key.length > 0) addText(i, a, ALIAS, k + 1);
      }
    }
  }
  recStart[n] = textCount;
  const base = builder.finish();
  // Records per key (CSR): a record appears once per key since its texts have distinct keys; in record order.
  const keyStart = new Uint32Array(keyIds.size() + 1);
  for (let k = 0; k < keyIds.size(); k++) keyStart[k + 1] = keyStart[k]! + keyCounts[k]!;
  const keyRecs = new Int32Array(textCount);
  {
    const fill = new Uint32Array(keyStart.subarray(0, keyIds.size()));
    for (let t = 0; t < textCount; t++) keyRecs[fill[textKeyId[t]!]!++] = base.owner[t]!;
  }
  const baseMarks = new Float32Array(base.postStart.length);
  const baseCounts = new Float64Array(base.size);

  let pinyinLayer: PinyinLayer | undefined;
  const pinyinOn = (): PinyinLayer => {
    if (pinyinLayer !== undefined) return pinyinLayer;
    const b = createGramLayerBuilder(chars, n * 2, o.bigramWeights === 'rarity');
    const full: string[] = new Array<string>(n).fill('');
    const initials: string[] = new Array<string>(n).fill('');
    for (let i = 0; i < n; i++) {
      const key = recStart[i]! < recStart[i + 1]! && textKind[recStart[i]!] === KEY ? keyIds.text(textKeyId[recStart[i]!]!) : '';
      if (!HAN.test(key)) continue;
      const py = pinyinOf(key);
      full[i] = py.full;
      initials[i] = py.initials;
      if (py.full.length > 0) b.add(i, py.full);
      if (py.initials.length > 0 && py.initials !== py.full) b.add(i, py.initials);
    }
    const layer = b.finish();
    pinyinLayer = { layer, full, initials, marks: new Float32Array(layer.postStart.length), counts: new Float64Array(layer.size) };
    return pinyinLayer;
  };
  if (o.pinyin === 'eager') pinyinOn();

  // Scratch of one query, reused (local to this index; cleared after each use).
  const touched: number[] = [];
  const touchedW: number[] = [];
  const seen = new Uint8Array(n);

  /** Score the texts of one layer against the query's bigrams (see `NameIndex` for the blocking bound). */
  const scanLayer = (layer: GramLayer, markW: Float32Array, acc: Float64Array, codes: readonly number[], lists: number, wantExact: number, before: number, minDice: number, kindOf: (t: number) => number, out: Hit[]): void => {
    const ids: number[] = [];
    let qw = 0;
    for (const c of codes) {
      const g = layer.gramIdOf(c);
      ids.push(g);
      qw += g < 0 ? layer.absentWeight : layer.gramWeight[g]!;
    }
    // Only the bigrams the index holds are ranked by rarity (an unheld one has no postings: counting it would
    // make the rarest real bigram look like a second one and skip it as too common).
    const order = ids.filter((g) => g >= 0).sort((a, b) => lengthOf(layer, a) - lengthOf(layer, b));
    // Weight filter: a score ≥ θ needs θ·W(Q) / (2 − θ) ≤ W(T) ≤ (2 − θ)·W(Q) / θ (read from postWeight, beside the postings).
    const lo = minDice > 0 ? (minDice * qw) / (2 - minDice) - 1e-9 : 0;
    const hi = minDice > 0 ? ((2 - minDice) * qw) / minDice + 1e-9 : Infinity;
    // With a floor, every list but the too common ones is read (all of them short), so that a text's sum is its
    // shared weight up to the `unknown` weight of the skipped ones: most texts are settled by that sum and their
    // weight alone, without reading their bigrams. Without a floor, only the `lists` rarest are read.
    const readAll = minDice > 0;
    let unknown = 0;
    for (let l = 0; l < order.length && (readAll || l < lists); l++) {
      const g = order[l]!;
      // A bigram held by more than MAX_SCAN texts is too common to block on (an industry word at a million
      // names): skipped, unless it is the rarest, when its first MAX_SCAN texts are read.
      if (readAll && l > 0 && lengthOf(layer, g) > MAX_SCAN) {
        unknown += layer.gramWeight[g]!;
        continue;
      }
      const w = layer.gramWeight[g]!;
      for (let k = layer.postStart[g]!, end = Math.min(layer.postStart[g + 1]!, k + (readAll ? MAX_SCAN : MAX_SCAN_RAREST)); k < end; k++) {
        const tw = layer.postWeight[k]!;
        if (tw < lo || tw > hi) continue;
        const t = layer.post[k]!;
        if (before < n && layer.owner[t]! >= before) break;
        if (acc[t] === 0) {
          touched.push(t);
          touchedW.push(tw);
        }
        acc[t]! += w;
      }
    }
    if (touched.length === 0) return;
    let picked: number[] = [];
    if (readAll) {
      for (let k = 0; k < touched.length; k++) {
        const t = touched[k]!;
        const s = acc[t]!;
        const tw = touchedW[k]!;
        if ((2 * Math.min(tw, s + unknown)) / (qw + tw) < minDice) continue;
        if (unknown === 0) out.push({ index: layer.owner[t]!, dice: (2 * s) / (qw + tw), kind: kindOf(t) });
        else picked.push(t);
      }
    } else picked = touched.slice();
    const most = readAll ? MAX_EXACT : wantExact;
    if (picked.length > most) {
      // Texts sharing the most weight of the read bigrams first, then in text order.
      picked.sort((a, b) => acc[b]! - acc[a]! || a - b);
      picked.length = most;
    }
    for (const g of ids) if (g >= 0) markW[g] = layer.gramWeight[g]!;
    for (const t of picked) {
      let shared = 0;
      for (let k = layer.gramStart[t]!, end = layer.gramStart[t + 1]!; k < end; k++) shared += markW[layer.grams[k]!]!;
      const dice = (2 * shared) / (qw + layer.textWeight[t]!);
      if (dice >= minDice && dice > 0) out.push({ index: layer.owner[t]!, dice, kind: kindOf(t) });
    }
    for (const g of ids) if (g >= 0) markW[g] = 0;
    for (const t of touched) acc[t] = 0;
    touched.length = 0;
    touchedW.length = 0;
  };

  const fuzzy = (key: string, limit: number, before: number, minDice: number): Hit[] => {
    const grams = bigrams(key);
    const q = grams.length;
    if (q === 0 || limit <= 0) return [];
    // The pinyin layer first: building it gives its letters character ids, which the query's codes need.
    const py = o.pinyin !== false && LATIN.test(key) ? pinyinOn() : undefined;
    const codes = grams.map((g) => gramCode(chars, g, 0, false));
    const lists = Math.min(q, RAREST);
    const hits: Hit[] = [];
    scanLayer(base, baseMarks, baseCounts, codes, lists, limit * 4, before, minDice, (t) => textKind[t]!, hits);
    if (py !== undefined) scanLayer(py.layer, py.marks, py.counts, codes, lists, limit * 4, before, minDice, () => PINYIN, hits);
    hits.sort((a, b) => b.dice - a.dice || a.index - b.index || a.kind - b.kind);
    const out: Hit[] = [];
    for (const h of hits) {
      if (seen[h.index] === 1) continue;
      seen[h.index] = 1;
      out.push(h);
      if (out.length === limit) break;
    }
    for (const h of hits) seen[h.index] = 0;
    return out;
  };

  const similar = (key: string, limit: number, before: number = n, minDice: number = 0): SimilarRecord[] =>
    fuzzy(key, limit, before, minDice).map((h) => ({ index: h.index, dice: h.dice }));

  const recordsOfKey = (key: string): readonly number[] => {
    const id = keyIds.get(key);
    return id < 0 ? EMPTY : Array.from(keyRecs.subarray(keyStart[id]!, keyStart[id + 1]!));
  };
  const keyOf = (i: number): string => (recStart[i]! < recStart[i + 1]! && textKind[recStart[i]!] === KEY ? keyIds.text(textKeyId[recStart[i]!]!) : '');
  const aliasesOf = (i: number): string[] => {
    const out: string[] = [];
    for (let t = recStart[i]!; t < recStart[i + 1]!; t++) if (textKind[t] === ALIAS) out.push(keyIds.text(textKeyId[t]!));
    return out;
  };
  const sourceOf = (t: number): string | undefined => {
    const r = records[base.owner[t]!]!;
    const src = textSrc[t]!;
    return src === 0 ? r.name : src === 255 ? undefined : r.aliases?.[src - 1];
  };

  const matchOf = (index: number, score: number, matchedOn: MatchedOn): NameMatch => ({ index, id: records[index]!.id, name: records[index]!.name, score, matchedOn });

  // One fuse.js instance per index, its collection replaced per query (saves re-reading the options).
  let fuse: Fuse<Doc> | undefined;
  const search = (query: string, s?: NameSearchOptions): NameMatch[] => {
    const limit = s?.limit ?? 10;
    const minScore = s?.minScore ?? 0.4;
    const qkey = companyKey(query, places);
    if (qkey.length === 0) return [];
    const best = new Map<number, NameMatch>();
    for (const i of recordsOfKey(qkey)) best.set(i, matchOf(i, 1, keyOf(i) === qkey ? 'key' : 'alias'));
    // fuse.js scores only the texts it can match: a text is left out (left empty) when too few of the query's
    // characters occur in it for fuse's bitap to reach the threshold, which changes no score (see `mayMatch`).
    const qchars = charCounts(qkey);
    const py = o.pinyin !== false && LATIN.test(qkey) ? pinyinOn() : undefined;
    const docs: Doc[] = [];
    for (const { index } of similar(qkey, o.candidates)) {
      const k = keyOf(index);
      const key = mayMatch(qkey, qchars, k) ? k : '';
      const aliases = aliasesOf(index).filter((a) => mayMatch(qkey, qchars, a));
      const pinyin = py !== undefined && mayMatch(qkey, qchars, py.full[index]!) ? py.full[index]! : '';
      const ini = py !== undefined && mayMatch(qkey, qchars, py.initials[index]!) ? py.initials[index]! : '';
      if (key === '' && aliases.length === 0 && pinyin === '' && ini === '') continue;
      if (minScore > 0 && bestScore(qkey, qchars, key, aliases, pinyin, ini) < minScore) continue;
      docs.push({ index, key, aliases, pinyin, initials: ini });
    }
    if (docs.length > 0) {
      fuse ??= new Fuse<Doc>([], FUSE_OPTIONS);
      fuse.setCollection(docs);
      for (const r of fuse.search(qkey)) {
        const score = Math.round((1 - (r.score ?? 1)) * 1e4) / 1e4;
        const on = r.matches?.[0]?.key;
        const matchedOn: MatchedOn = on === 'aliases' ? 'alias' : on === 'pinyin' || on === 'initials' ? 'pinyin' : 'name';
        const prev = best.get(r.item.index);
        if (prev === undefined || prev.score < score) best.set(r.item.index, matchOf(r.item.index, score, matchedOn));
      }
    }
    return [...best.values()]
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index))
      .slice(0, limit);
  };

  const match = (name: string, s?: NameSearchOptions): NameMatch[] => {
    const limit = s?.limit ?? 5;
    const minScore = s?.minScore ?? 0.8;
    if (limit <= 0) return [];
    const q = nameForms(name, places);
    if (q.key.length === 0) return [];
    const out: NameMatch[] = [];
    const keyId = keyIds.get(q.key);
    if (keyId >= 0) {
      // Same key: rank by how much more of the name agrees (whole name, name without legal form), key before alias.
      const qPlain = fnv1a32(q.plain);
      const qFull = fnv1a32(q.full);
      const ranked: { index: number; rank: number; onKey: boolean }[] = [];
      for (let k = keyStart[keyId]!, end = keyStart[keyId + 1]!; k < end; k++) {
        const i = keyRecs[k]!;
        for (let t = recStart[i]!; t < recStart[i + 1]!; t++) {
          if (textKeyId[t] !== keyId) continue;
          let rank = 0;
          if (textPlain[t] === qPlain || textFull[t] === qFull) {
            // A hash agrees: compare the strings themselves.
            const src = sourceOf(t);
            const f = src === undefined ? undefined : nameForms(src, places);
            rank = f === undefined ? 0 : f.plain === q.plain ? 2 : f.full === q.full ? 1 : 0;
          }
          ranked.push({ index: i, rank, onKey: textKind[t] === KEY });
          break;
        }
      }
      ranked.sort((a, b) => b.rank - a.rank || Number(b.onKey) - Number(a.onKey) || a.index - b.index);
      for (let k = 0; k < ranked.length && out.length < limit; k++) out.push(matchOf(ranked[k]!.index, 1, ranked[k]!.onKey ? 'key' : 'alias'));
      return out;
    }
    for (const h of fuzzy(q.key, limit, n, minScore)) {
      // Below 1, which means the same key (equal bigram sets of different keys are possible, e.g. abab and bab).
      const score = Math.min(0.9999, Math.round(h.dice * 1e4) / 1e4);
      if (score >= minScore) out.push(matchOf(h.index, score, KIND_MATCHED_ON[h.kind]!));
    }
    return out;
  };

  return {
    size: n,
    match,
    keyOf,
    keyFor: (name) => companyKey(name, places),
    byKey: recordsOfKey,
    similar,
    search,
  };
}

function lengthOf(layer: GramLayer, g: number): number {
  return g < 0 ? 0 : layer.postStart[g + 1]! - layer.postStart[g]!;
}

function growU8(a: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  out.set(a);
  return out;
}

function growI32(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}
