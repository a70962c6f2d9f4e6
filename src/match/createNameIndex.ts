import Fuse, { type IFuseOptions } from 'fuse.js';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { companyKey, placeListFor } from './internal/companyKey.js';
import { bigrams } from './internal/ngrams.js';
import { pinyinOf } from './internal/pinyinOf.js';
import type { MatchedOn, NamedRecord, NameMatch } from './types.js';

/** Options of `createNameIndex`. Defaults in the schema. */
export const NameIndexOptionsSchema = z.object({
  /** Leading place names to strip from names (a dataset's cities); provinces are always stripped. */
  places: z.array(z.string()).readonly().optional(),
  /** Index pinyin too, so 'ningdeshidai' or 'ndsd' finds 宁德时代 (costs time and memory on large lists). */
  pinyin: z.boolean().default(true),
  /** How many blocking candidates (most shared bigrams) are scored with fuse.js per query. */
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

/** A name index over a list of records: exact key lookup and fuzzy search behind an n-gram block. */
export interface NameIndex {
  readonly size: number;
  /** The key of record `index` (see `normalizeCompanyName`). */
  keyOf(index: number): string;
  /** The key a name would have in this index (same places). */
  keyFor(name: string): string;
  /** Indexes of records whose name or an alias has this key, ascending. */
  byKey(key: string): readonly number[];
  /**
   * Records sharing the key's rarest bigrams (blocking), with the Dice coefficient of their bigram sets, best first;
   * only records before index `before` when given (for deduplication in order).
   */
  similar(key: string, limit: number, before?: number): readonly { readonly index: number; readonly dice: number }[];
  /** Fuzzy search for people: names, aliases and (if indexed) pinyin scored by fuse.js over the blocked candidates; score desc then id asc. */
  search(query: string, options?: NameSearchOptions): NameMatch[];
  /**
   * Bulk matching without fuse.js (for 100,000 names against a million): the same key scores 1, else the
   * blocked candidates' bigram Dice coefficient is the score. Default `minScore` 0.8, `limit` 5.
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
const NO_PINYIN = { full: '', initials: '' } as const;
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

function addKey(byKey: Map<string, number[]>, key: string, i: number): void {
  const list = byKey.get(key);
  if (list === undefined) byKey.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

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
/** Blocking reads the postings of a query's RAREST bigrams, at most MAX_SCAN entries each. */
const RAREST = 3;
const MAX_SCAN = 256;

/**
 * Index company names for matching: each name and alias is reduced to its key, keys (and pinyin) are
 * split into bigrams, and a query is compared, with fuse.js, only to the records found through its
 * rarest bigrams (blocking: at most 3 postings lists of at most 256 entries each), never to all
 * records, so a query costs about the same on a list of a thousand names or of a million.
 *
 * @param records - records with `id`, `name` and optional `aliases`
 * @param options - `{ places, pinyin, candidates }`
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
  const keys: string[] = new Array<string>(records.length);
  const aliasKeys: (readonly string[])[] = new Array<readonly string[]>(records.length);
  const fulls: string[] = new Array<string>(records.length);
  const initials: string[] = new Array<string>(records.length);
  const gramCount = new Uint16Array(records.length);
  const byKey = new Map<string, number[]>();
  // Bigrams get ids; `postings[id]` lists the records holding bigram `id`, ascending. Each record's distinct
  // bigram ids are stored contiguously (gramsOf[gramStart[i] .. gramStart[i + 1])) so that a candidate's
  // Dice is a scan of a few integers rather than substring searches over its texts.
  const gramIdOf = new Map<string, number>();
  const postings: number[][] = [];
  const gramStart = new Uint32Array(records.length + 1);
  let gramsOf = new Int32Array(Math.max(16, records.length * 8));
  let gramsUsed = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const key = companyKey(r.name, places);
    const aliases: string[] = [];
    if (r.aliases !== undefined) {
      for (const a of r.aliases) {
        const k = companyKey(a, places);
        if (k.length > 0 && k !== key) aliases.push(k);
      }
    }
    keys[i] = key;
    aliasKeys[i] = aliases;
    const py = o.pinyin && HAN.test(key) ? pinyinOf(key) : NO_PINYIN;
    fulls[i] = py.full;
    initials[i] = py.initials;
    // Postings are filled in record order, so a list already holding record i ends with i: that is the
    // per-record de-duplication of bigrams (no Set per record), and `distinct` counts them.
    let distinct = 0;
    const addGram = (g: string): void => {
      let id = gramIdOf.get(g);
      if (id === undefined) {
        id = postings.length;
        gramIdOf.set(g, id);
        postings.push([]);
      }
      const list = postings[id]!;
      if (list.length > 0 && list[list.length - 1] === i) return;
      list.push(i);
      distinct++;
      if (gramsUsed === gramsOf.length) {
        const grown = new Int32Array(gramsOf.length * 2);
        grown.set(gramsOf);
        gramsOf = grown;
      }
      gramsOf[gramsUsed++] = id;
    };
    const addText = (t: string): void => {
      if (t.length === 1) addGram(t);
      else for (let k = 0; k + 1 < t.length; k++) addGram(t.slice(k, k + 2));
    };
    addKey(byKey, key, i);
    addText(key);
    for (const a of aliases) {
      addKey(byKey, a, i);
      addText(a);
    }
    addText(py.full);
    addText(py.initials);
    gramCount[i] = Math.min(distinct, 65535);
    gramStart[i + 1] = gramsUsed;
  }
  // Scratch marks of a query's bigram ids, reused across queries (local to this index, cleared after each use).
  const marks = new Uint8Array(postings.length);
  // Scratch counters for blocking, reused across queries (local to this index, reset after each use).
  const counts = new Uint8Array(records.length);
  const touched: number[] = [];

  const postingsOf = (g: string): readonly number[] => {
    const id = gramIdOf.get(g);
    return id === undefined ? EMPTY : postings[id]!;
  };

  const similar = (key: string, limit: number, before: number = records.length): { index: number; dice: number }[] => {
    const grams = bigrams(key);
    if (grams.length === 0) return [];
    // Blocking: only the rarest bigrams' postings, each scanned up to a bound, so work per query is bounded on any list size.
    const lists = grams.map((g) => postingsOf(g)).sort((a, b) => a.length - b.length).slice(0, RAREST);
    for (const list of lists) {
      for (let k = 0; k < list.length && k < MAX_SCAN; k++) {
        const i = list[k]!;
        if (i >= before) break;
        if (counts[i] === 0) touched.push(i);
        counts[i]!++;
      }
    }
    // Best-sharing candidates first (counts are at most RAREST), then their exact Dice on all bigrams.
    const want = limit * 4;
    const levels: number[][] = [];
    for (let c = 0; c <= RAREST; c++) levels.push([]);
    for (const i of touched) {
      const level = levels[counts[i]!]!;
      if (level.length < want) level.push(i);
      counts[i] = 0;
    }
    touched.length = 0;
    const picked: number[] = [];
    for (let c = RAREST; c > 0 && picked.length < want; c--) {
      const level = levels[c]!;
      for (let k = 0; k < level.length && picked.length < want; k++) picked.push(level[k]!);
    }
    let out: { index: number; dice: number }[];
    if (grams[0]!.length === 2) {
      // Two-character bigrams: a bigram occurs in one of a record's texts exactly when its id is among the record's ids.
      const ids: number[] = [];
      for (const g of grams) {
        const id = gramIdOf.get(g);
        if (id !== undefined) ids.push(id);
      }
      for (const id of ids) marks[id] = 1;
      out = picked.map((i) => {
        let shared = 0;
        for (let k = gramStart[i]!, end = gramStart[i + 1]!; k < end; k++) shared += marks[gramsOf[k]!]!;
        return { index: i, dice: (2 * shared) / (grams.length + gramCount[i]!) };
      });
      for (const id of ids) marks[id] = 0;
    } else {
      // A one-character key is its own "bigram": count it when it occurs anywhere in the record's texts.
      const g = grams[0]!;
      out = picked.map((i) => {
        const shared = keys[i]!.includes(g) || aliasKeys[i]!.some((a) => a.includes(g)) || fulls[i]!.includes(g) || initials[i]!.includes(g) ? 1 : 0;
        return { index: i, dice: (2 * shared) / (grams.length + gramCount[i]!) };
      });
    }
    out.sort((a, b) => b.dice - a.dice || a.index - b.index);
    return out.length > limit ? out.slice(0, limit) : out;
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
    for (const i of byKey.get(qkey) ?? []) best.set(i, matchOf(i, 1, keys[i] === qkey ? 'key' : 'alias'));
    // fuse.js scores only the texts it can match: a text is left out (left empty) when too few of the query's
    // characters occur in it for fuse's bitap to reach the threshold, which changes no score (see `mayMatch`).
    const qchars = charCounts(qkey);
    const docs: Doc[] = [];
    for (const { index } of similar(qkey, o.candidates)) {
      const key = mayMatch(qkey, qchars, keys[index]!) ? keys[index]! : '';
      const aliases = aliasKeys[index]!.filter((a) => mayMatch(qkey, qchars, a));
      const pinyin = mayMatch(qkey, qchars, fulls[index]!) ? fulls[index]! : '';
      const ini = mayMatch(qkey, qchars, initials[index]!) ? initials[index]! : '';
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
    const qkey = companyKey(name, places);
    if (qkey.length === 0) return [];
    const exact = byKey.get(qkey);
    if (exact !== undefined) return exact.slice(0, limit).map((i) => matchOf(i, 1, keys[i] === qkey ? 'key' : 'alias'));
    return similar(qkey, limit)
      .filter((c) => c.dice >= minScore)
      .map((c) => matchOf(c.index, Math.round(c.dice * 1e4) / 1e4, 'name'));
  };

  return {
    size: records.length,
    match,
    keyOf: (i) => keys[i] ?? '',
    keyFor: (name) => companyKey(name, places),
    byKey: (key) => byKey.get(key) ?? [],
    similar,
    search,
  };
}
