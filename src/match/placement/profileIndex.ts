import type { Industry } from '../../schema/industry.js';
import type { Segment } from '../../schema/segment.js';
import { normalizeText } from '../normalizeText.js';
import { toSimplified } from '../toSimplified.js';

// Why BM25 over character bigrams, written here rather than taken from a package: Chinese product and scope
// text has no spaces, and a segmenter (@node-rs/jieba) splits domain compounds unpredictably (轴承零件 → 轴承/零件,
// 锂电铜箔 → 锂电/铜箔 or 锂/电铜箔 by dictionary), while bigrams match any compound against the profiles'
// wording with no dictionary to ship. Measured on the dev split of eval/placement (see `npm run eval:placement`).
// BM25 itself is a dozen lines; the packages that offer it (wink-bm25-text-search, okapibm25) bring their own
// tokenisers and mutable index objects, and none handles CJK bigrams.

/** Words that say nothing about what a firm makes: removed from queries. */
const STOP = /(生产|销售|商品|制造|加工|研发|研制|开发|批发|零售|经营|服务|技术|有限|公司|集团|股份|产品|相关|及其|以及|其他|各类|一般|项目|许可|依法|须经|批准|设备|材料|用品|制品|投资|建设|运营|管理|控股|实业|发展|科技|工程|贸易|国际|中国|责任|咨询|信息)/g;

/** Character bigrams of CJK runs, and lower-case Latin words of two letters or more. */
export function profileTokens(text: string): string[] {
  const t = toSimplified(normalizeText(text)).toLowerCase();
  const out: string[] = [];
  for (const run of t.match(/[\u4e00-\u9fff]+/g) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  for (const w of t.match(/[a-z][a-z0-9-]+/g) ?? []) out.push(w);
  return out;
}

/** A profile's match of a query: normalised BM25 in [0, 1) and the query terms that matched. */
export interface ProfileHit {
  /** Position of the profile (a segment, or an industry in `industryIndex`). */
  readonly segment: number;
  readonly score: number;
  readonly terms: readonly string[];
}

/** A query tokenised once (stop words removed, distinct terms), to search several indexes with. */
export interface ProfileQuery {
  readonly terms: readonly string[];
}

/** Tokenise a query once: stock words removed, distinct bigrams and Latin words. */
export function prepareProfileQuery(text: string): ProfileQuery {
  return { terms: [...new Set(profileTokens(text.replace(STOP, ' ')))] };
}

/** A BM25 index over segment profiles (name, keywords, description, sub-direction and industry names). */
export interface ProfileIndex {
  /** The best `limit` (default 8) profiles for the query, best first, scores normalised by the query's own best possible score. */
  search(query: string | ProfileQuery, limit?: number): ProfileHit[];
}

const K1 = 1.2;
const B = 0.75;

/**
 * Build a BM25 index (Robertson–Zaragoza, k1 = 1.2, b = 0.75) over one profile per segment. A score is divided by
 * Σ idf(t)·(k1 + 1) over the query's distinct terms, the most any document could score, so it reads as the share
 * of the query's information the segment's profile holds.
 *
 * @example
 * createProfileIndex(ds.segments, ds.industries).search('轴承、轴承零件生产')[0]; // { segment: …, score: 0.4, terms: ['轴承', …] }
 */
export function createProfileIndex(segments: readonly Segment[], industries: readonly Industry[]): ProfileIndex {
  return bm25(segments.map((s) => profileText(s, industries)));
}

/**
 * The same index with one profile per industry (the profiles of all its segments together), in `industries` order:
 * for deciding the industry, where one word shared by all of an industry's segments (轴承) is strong evidence.
 */
export function createIndustryProfileIndex(segments: readonly Segment[], industries: readonly Industry[]): ProfileIndex {
  return bm25(industries.map((i) => [i.name, ...segments.filter((s) => s.industry === i.id).map((s) => profileText(s, industries))].join(' ')));
}

function profileText(s: Segment, industries: readonly Industry[]): string {
  const industry = industries.find((i) => i.id === s.industry);
  const sub = industry?.subDirections.find((d) => d.id === s.subDirection)?.name ?? '';
  return [s.name, s.name, ...s.keywords, s.description ?? '', sub, industry?.name ?? ''].join(' ');
}

function bm25(texts: readonly string[]): ProfileIndex {
  const tfs = texts.map((text) => {
    const tf = new Map<string, number>();
    const tokens = profileTokens(text);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { tf, length: tokens.length };
  });
  const n = tfs.length;
  const avg = tfs.reduce((a, d) => a + d.length, 0) / Math.max(1, n);
  const df = new Map<string, number>();
  for (const d of tfs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => {
    const f = df.get(t) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };
  // Postings hold each document's whole BM25 term score, computed once: a search only adds them up.
  const postings = new Map<string, { docs: Int32Array; parts: Float64Array }>();
  {
    const acc = new Map<string, { docs: number[]; parts: number[] }>();
    tfs.forEach((d, k) => {
      for (const [t, f] of d.tf) {
        const part = (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avg));
        const e = acc.get(t);
        if (e === undefined) acc.set(t, { docs: [k], parts: [part] });
        else {
          e.docs.push(k);
          e.parts.push(part);
        }
      }
    });
    for (const [t, e] of acc) postings.set(t, { docs: Int32Array.from(e.docs), parts: Float64Array.from(e.parts) });
  }
  // Scratch buffers reused by every search (reset after use): no allocation per document.
  const score = new Float64Array(n);
  const touched = new Int32Array(n);
  return {
    search(query, limit = 8) {
      const terms = typeof query === 'string' ? prepareProfileQuery(query).terms : query.terms;
      let max = 0;
      for (const t of terms) max += idf(t) * (K1 + 1);
      if (max === 0) return [];
      let count = 0;
      for (const t of terms) {
        const p = postings.get(t);
        if (p === undefined) continue;
        for (let i = 0; i < p.docs.length; i++) {
          const k = p.docs[i]!;
          if (score[k] === 0) touched[count++] = k;
          score[k] = score[k]! + p.parts[i]!;
        }
      }
      // The best `limit` documents (score desc, position asc), by insertion into a short sorted list.
      const best: number[] = [];
      for (let i = 0; i < count; i++) {
        const k = touched[i]!;
        const v = score[k]!;
        if (best.length === limit && (v < score[best[limit - 1]!]! || (v === score[best[limit - 1]!]! && k > best[limit - 1]!))) continue;
        let at = best.length;
        while (at > 0 && (score[best[at - 1]!]! < v || (score[best[at - 1]!]! === v && best[at - 1]! > k))) at--;
        best.splice(at, 0, k);
        if (best.length > limit) best.pop();
      }
      const out = best.map((k) => ({ segment: k, score: Math.round((score[k]! / max) * 1e4) / 1e4, terms: terms.filter((t) => tfs[k]!.tf.has(t)) }));
      for (let i = 0; i < count; i++) score[touched[i]!] = 0;
      return out;
    },
  };
}
