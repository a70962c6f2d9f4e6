import Fuse from 'fuse.js';
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
  const pinyins: { full: string; initials: string }[] = new Array<{ full: string; initials: string }>(records.length);
  const gramCount = new Uint16Array(records.length);
  const byKey = new Map<string, number[]>();
  const postings = new Map<string, number[]>();
  records.forEach((r, i) => {
    const key = companyKey(r.name, places);
    const aliases = (r.aliases ?? []).map((a) => companyKey(a, places)).filter((a) => a.length > 0 && a !== key);
    keys[i] = key;
    aliasKeys[i] = aliases;
    pinyins[i] = o.pinyin && HAN.test(key) ? pinyinOf(key) : { full: '', initials: '' };
    const grams = new Set<string>();
    for (const k of [key, ...aliases]) {
      const list = byKey.get(k);
      if (list === undefined) byKey.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
      for (const g of bigrams(k)) grams.add(g);
    }
    for (const g of bigrams(pinyins[i]!.full)) grams.add(g);
    for (const g of bigrams(pinyins[i]!.initials)) grams.add(g);
    gramCount[i] = Math.min(grams.size, 65535);
    for (const g of grams) {
      const list = postings.get(g);
      if (list === undefined) postings.set(g, [i]);
      else list.push(i);
    }
  });
  // Scratch counters for blocking, reused across queries (local to this index, reset after each use).
  const counts = new Uint8Array(records.length);
  const touched: number[] = [];

  const similar = (key: string, limit: number, before: number = records.length): { index: number; dice: number }[] => {
    const grams = bigrams(key);
    if (grams.length === 0) return [];
    // Blocking: only the rarest bigrams' postings, each scanned up to a bound, so work per query is bounded on any list size.
    const lists = grams.map((g) => postings.get(g) ?? []).sort((a, b) => a.length - b.length).slice(0, RAREST);
    for (const list of lists) {
      for (let k = 0; k < list.length && k < MAX_SCAN; k++) {
        const i = list[k]!;
        if (i >= before) break;
        if (counts[i] === 0) touched.push(i);
        counts[i]!++;
      }
    }
    // Best-sharing candidates first (counts are at most RAREST), then their exact Dice on all bigrams.
    const levels: number[][] = Array.from({ length: RAREST + 1 }, () => []);
    for (const i of touched) {
      levels[counts[i]!]!.push(i);
      counts[i] = 0;
    }
    touched.length = 0;
    const picked: number[] = [];
    for (let c = RAREST; c > 0 && picked.length < limit * 4; c--) picked.push(...levels[c]!.slice(0, limit * 4 - picked.length));
    const out = picked.map((i) => {
      const texts = [keys[i]!, ...aliasKeys[i]!, pinyins[i]!.full, pinyins[i]!.initials];
      let shared = 0;
      for (const g of grams) if (texts.some((t) => t.includes(g))) shared++;
      return { index: i, dice: (2 * shared) / (grams.length + gramCount[i]!) };
    });
    out.sort((a, b) => b.dice - a.dice || a.index - b.index);
    return out.slice(0, limit);
  };

  const matchOf = (index: number, score: number, matchedOn: MatchedOn): NameMatch => ({ index, id: records[index]!.id, name: records[index]!.name, score, matchedOn });

  const search = (query: string, s?: NameSearchOptions): NameMatch[] => {
    const limit = s?.limit ?? 10;
    const minScore = s?.minScore ?? 0.4;
    const qkey = companyKey(query, places);
    if (qkey.length === 0) return [];
    const best = new Map<number, NameMatch>();
    for (const i of byKey.get(qkey) ?? []) best.set(i, matchOf(i, 1, keys[i] === qkey ? 'key' : 'alias'));
    const docs: Doc[] = similar(qkey, o.candidates).map(({ index }) => ({ index, key: keys[index]!, aliases: aliasKeys[index]!, pinyin: pinyins[index]!.full, initials: pinyins[index]!.initials }));
    if (docs.length > 0) {
      const fuse = new Fuse(docs, {
        keys: [{ name: 'key', weight: 1 }, { name: 'aliases', weight: 0.9 }, { name: 'pinyin', weight: 0.7 }, { name: 'initials', weight: 0.5 }],
        includeScore: true,
        includeMatches: true,
        ignoreLocation: true,
        threshold: 0.6,
      });
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
