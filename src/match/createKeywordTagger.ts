import * as z from 'zod';
import { UsageError } from '../errors.js';
import type { Industry } from '../schema/industry.js';
import type { Segment } from '../schema/segment.js';
import { buildHintIndex, industryHints, type HintIndex } from './internal/industryHints.js';
import { compileKeywords, scanKeywords, type KeywordHit, type KeywordTrie } from './internal/keywordMatcher.js';
import { scopeClauses } from './internal/scopeClauses.js';
import { normalizeText } from './normalizeText.js';
import { toSimplified } from './toSimplified.js';
import type { IndustryCandidate, SegmentCandidate, TagEvidence, TagField, TaggableCompany, TagResult, TagStatus } from './types.js';

/** Options of `createKeywordTagger` / `tagSegments`. Defaults in `DEFAULT_TAG_OPTIONS`. */
export const TagOptionsSchema = z.object({
  /**
   * Weight of one specific keyword found in each field: products and business scope count more than the name. The
   * scope's is 0.8 (≥ −ln(1 − 0.55), the confirm score): one specific keyword in the scope's lead making clause (轮胎制造)
   * confirms its segment as a product line does; a later or a trade-only clause (weighted down by `scopeClauses`) needs a
   * second keyword. At 0.7 a lead clause alone stayed uncertain whenever the product lines named nothing the vocabulary knows.
   */
  fieldWeights: z
    .object({ name: z.number().min(0), products: z.number().min(0), businessScope: z.number().min(0), industryCode: z.number().min(0) })
    .default({ name: 0.5, products: 1, businessScope: 0.8, industryCode: 0.6 }),
  /** Weight of an industry hint (a word of the industry or name that only one to three industries use), per field. */
  hintWeights: z.object({ name: z.number().min(0), industryCode: z.number().min(0) }).default({ name: 0.3, industryCode: 0.5 }),
  /** Score (in [0, 1]) from which a candidate is confirmed. */
  confirmAt: z.number().min(0).max(1).default(0.55),
  /** Score from which a candidate is uncertain (below: rejected). */
  uncertainAt: z.number().min(0).max(1).default(0.3),
  /** Without a product match, a candidate is confirmed only if its raw evidence is at least this share of the best candidate's (uncertain: half of it). */
  relativeFloor: z.number().min(0).max(1).default(0.35),
  /** Most candidates returned per company (best first). */
  maxCandidates: z.number().int().positive().default(8),
});
export type TagOptions = z.input<typeof TagOptionsSchema>;
type ResolvedTagOptions = z.output<typeof TagOptionsSchema>;

/** The defaults of tagging, in one place. */
export const DEFAULT_TAG_OPTIONS: ResolvedTagOptions = TagOptionsSchema.parse({});

/** A tagger built once per dataset. */
export interface KeywordTagger {
  /** Number of distinct keywords indexed. */
  readonly keywordCount: number;
  /** Segment candidates best first (score desc, segment id asc); empty when no keyword matched. */
  tag(company: TaggableCompany): SegmentCandidate[];
  /** Segment candidates and industry candidates (from segments and from industry-level hints). */
  classify(company: TaggableCompany): TagResult;
}

/** What tagging reads of a dataset: segments, and industries for industry-level hints (optional). */
export interface TaggingDataset {
  readonly segments: readonly Segment[];
  readonly industries?: readonly Industry[];
}

/** A text scanned once; each span (a clause of a scope, or the whole text) has its own weight and shown text. */
type Span = { readonly start: number; readonly end: number; readonly weight: number };
type Text = { readonly field: TagField; readonly text: string; readonly spans: readonly Span[]; readonly raw?: string };

/** The text shown as evidence for a span: the item as written, or the scope clause. */
const shownOf = (t: Text, sp: Span): string => (t.raw !== undefined ? t.raw.slice(0, 60) : t.text.slice(sp.start, Math.min(sp.end, sp.start + 60)));
type Found = Map<string, { value: number; evidence: TagEvidence }>;

/**
 * `text.toLowerCase()`, returning the text itself when every character is one that has no lower case:
 * ASCII other than A–Z, CJK symbols and punctuation (U+3000–303F), CJK ideographs (U+4E00–9FFF). Most
 * tagged text is Chinese, and the case conversion of a two-byte string is not cheap.
 */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? c >= 0x41 && c <= 0x5a : !((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f))) return text.toLowerCase();
  }
  return text;
}
const form = (text: string): string => lowerCase(toSimplified(normalizeText(text)));
// Chinese compounds are head-final: in 锂电池隔膜 the product is 隔膜, in 轮胎模具 a mould; the word in front is a modifier.
const MODIFIER = 0.35;
const MACHINE_HEAD = /^(专用)?(设备|装备|模具|机械|生产线|检测|仪器|测试)/;
const MACHINE_AT = new RegExp(MACHINE_HEAD.source.slice(1), 'y');
function isModifier(text: string, hit: KeywordHit, next: KeywordHit | undefined): boolean {
  if (next !== undefined && next.start === hit.end) return true;
  MACHINE_AT.lastIndex = hit.end;
  return MACHINE_AT.test(text);
}
const byScore = <T extends { raw: number; id: string }>(a: T, b: T): number => b.raw - a.raw || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const scoreOf = (raw: number): number => Math.round((1 - Math.exp(-raw)) * 1e4) / 1e4;

function buildIndex(segments: readonly Segment[]): KeywordTrie {
  const words = new Map<string, { keyword: string; segments: Set<number> }>();
  segments.forEach((s, k) => {
    for (const w of [s.name, s.nameEn, ...s.keywords]) {
      const f = form(w);
      const e = words.get(f);
      if (e) e.segments.add(k);
      else words.set(f, { keyword: w, segments: new Set([k]) });
    }
  });
  return compileKeywords(words);
}

function hintIndexOf(d: TaggingDataset): HintIndex {
  const vocab = d.segments.flatMap((s) => [s.name, ...s.keywords].map((t) => ({ text: form(t), industry: s.industry })));
  for (const i of d.industries ?? []) vocab.push({ text: form(i.name), industry: i.id }, ...i.subDirections.map((sd) => ({ text: form(sd.name), industry: i.id })));
  return buildHintIndex(vocab);
}

/** A text tagged as a whole (a name, a product, an industry). */
function whole(field: TagField, raw: string, weight: number): Text {
  const text = form(raw);
  return { field, text, raw, spans: [{ start: 0, end: text.length, weight }] };
}

/** The texts of a company, each with its field; spans weigh products and scope clauses by position and verb. */
function textsOf(c: TaggableCompany): Text[] {
  const out: Text[] = [c.name, ...(c.aliases ?? [])].map((n) => whole('name', n, 1));
  (c.products ?? []).forEach((p, k) => out.push(whole('products', p, Math.max(0.8, 1 - 0.02 * k))));
  if (c.businessScope !== undefined) {
    const { text, clauses } = scopeClauses(form(c.businessScope));
    out.push({ field: 'businessScope', text, spans: clauses });
  }
  if (c.industryCode !== undefined) out.push(whole('industryCode', c.industryCode, 1));
  return out;
}

/** The key of a (field, word) pair in `keep`. */
const fieldKey = (field: TagField, form: string): string => `${field}\u0000${form}`;

/** Keep the best value per (field, word) of a segment or industry (`key` from `fieldKey`); evidence is built only when kept. */
function keep(map: Map<string, Found>, id: string, value: number, t: Text, sp: Span, keyword: string, key: string): void {
  let per = map.get(id);
  if (per === undefined) map.set(id, (per = new Map()));
  const prev = per.get(key);
  if (prev === undefined || prev.value < value) per.set(key, { value, evidence: { field: t.field, keyword, text: shownOf(t, sp) } });
}

function statusOf(score: number, raw: number, top: number, product: boolean, o: ResolvedTagOptions): TagStatus {
  // A product named outright stands on its own; weaker evidence must also keep up with the best candidate.
  if (score >= o.confirmAt && (product || raw >= o.relativeFloor * top)) return 'confirmed';
  if (score >= o.uncertainAt && raw >= (o.relativeFloor / 2) * top) return 'uncertain';
  return 'rejected';
}

/**
 * Build a keyword tagger (挂链) for a dataset: every segment's zh/en keywords and names are indexed once,
 * then each company's products, business scope (经营范围), industry and name are scanned for them. A
 * keyword's weight is 1 / (number of segments listing it), times its field's weight, times the clause's
 * position and verb (制造 beats 销售), times 0.35 when it only modifies the next word (锂电池隔膜); per segment
 * and field the best hit per keyword counts, and score = 1 − e^(−Σ weights): one specific product word
 * confirms, a lone name word stays uncertain. When no segment is confirmed, industries get hints: words of
 * the industry label or name used by the vocabulary of at most three industries (汽车配件 → 汽车 → 汽车及零部件).
 *
 * @param dataset - segments, and industries for hints
 * @param options - thresholds and weights (see `TagOptionsSchema`)
 * @returns a reusable tagger
 * @throws {UsageError} OPTIONS_INVALID when options are malformed
 * @example
 * const tagger = createKeywordTagger(liaocheng());
 * tagger.tag({ name: '某铝业有限公司', products: ['铝型材'] })[0]?.segment; // 'nf-al-extrusion'
 */
export function createKeywordTagger(dataset: TaggingDataset, options?: TagOptions): KeywordTagger {
  const parsed = TagOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new UsageError('createKeywordTagger: invalid options', 'createKeywordTagger：选项无效', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), 'OPTIONS_INVALID');
  }
  const o = parsed.data;
  const segments = dataset.segments;
  const trie = buildIndex(segments);
  const hints = hintIndexOf(dataset);
  const industryOf: ReadonlyMap<string, string> = new Map(segments.map((s) => [s.id, s.industry]));
  const keywordCount = trie.size;
  // The (field, keyword) keys of every keyword, made once here rather than once per hit and segment.
  // An array indexed by the keyword's trie node: a lookup per hit, cheaper than a Map keyed by the entry.
  const keysOf: readonly (Record<TagField, string> | undefined)[] = trie.entries.map((e) =>
    e === undefined ? undefined : { name: fieldKey('name', e.form), products: fieldKey('products', e.form), businessScope: fieldKey('businessScope', e.form), industryCode: fieldKey('industryCode', e.form) },
  );

  const classify = (company: TaggableCompany): TagResult => {
    const segFound = new Map<string, Found>();
    const texts = textsOf(company);
    const hitsOf = texts.map((t) => scanKeywords(t.text, trie));
    // Plain loops (no callback per text and hit): this runs for every imported row.
    for (let n = 0; n < texts.length; n++) {
      const t = texts[n]!;
      const hits = hitsOf[n]!;
      let span = 0;
      for (let h = 0; h < hits.length; h++) {
        const hit = hits[h]!;
        while (span < t.spans.length - 1 && t.spans[span]!.end <= hit.start) span++;
        const sp = t.spans[span]!;
        if (hit.start < sp.start || hit.end > sp.end) continue;
        const value = o.fieldWeights[t.field] * sp.weight * hit.entry.weight * (t.field !== 'name' && isModifier(t.text, hit, hits[h + 1]) ? MODIFIER : 1);
        const key = keysOf[hit.entry.node]![t.field];
        for (const s of hit.entry.segments) keep(segFound, segments[s]!.id, value, t, sp, hit.entry.keyword, key);
      }
    }
    const strongProduct = o.fieldWeights.products * 0.5;
    const scored = [...segFound].map(([id, found]) => {
      const list = [...found.values()].sort((a, b) => b.value - a.value);
      const product = list.some((h) => h.evidence.field === 'products' && h.value >= strongProduct);
      return { id, raw: list.reduce((sum, h) => sum + h.value, 0), product, evidence: list.map((h) => h.evidence) };
    });
    scored.sort(byScore);
    const top = scored[0]?.raw ?? 0;
    const segs: SegmentCandidate[] = scored.slice(0, o.maxCandidates).map((c) => ({
      segment: c.id,
      industry: industryOf.get(c.id)!,
      score: scoreOf(c.raw),
      status: statusOf(scoreOf(c.raw), c.raw, top, c.product, o),
      evidence: c.evidence,
    }));
    // Industry hints are read only when no segment is confirmed: then they are the evidence left.
    const indFound = new Map<string, Found>();
    if (!segs.some((x) => x.status === 'confirmed')) {
      texts.forEach((t, n) => {
        if (t.field !== 'name' && t.field !== 'industryCode') return;
        const weight = o.hintWeights[t.field];
        for (const hint of industryHints(t.text, hitsOf[n]!, hints)) {
          for (const [industry, share] of hint.shares) keep(indFound, industry, weight * share, t, t.spans[0]!, hint.word, fieldKey(t.field, hint.word));
        }
      });
    }
    return { segments: segs, industries: industriesOf(scored, industryOf, indFound, o) };
  };
  return { keywordCount, classify, tag: (company) => classify(company).segments };
}

/** Industry candidates: an industry's best segment plus its hints; status as for segments. */
function industriesOf(
  scored: readonly { id: string; raw: number; product: boolean; evidence: readonly TagEvidence[] }[],
  industryOf: ReadonlyMap<string, string>,
  hints: ReadonlyMap<string, Found>,
  o: ResolvedTagOptions,
): IndustryCandidate[] {
  const acc = new Map<string, { raw: number; product: boolean; evidence: TagEvidence[] }>();
  for (const s of scored) {
    const id = industryOf.get(s.id)!;
    if (!acc.has(id)) acc.set(id, { raw: s.raw, product: s.product, evidence: s.evidence.slice(0, 3) });
  }
  for (const [id, found] of hints) {
    const e = acc.get(id) ?? { raw: 0, product: false, evidence: [] };
    for (const h of found.values()) {
      e.raw += h.value;
      e.evidence.push(h.evidence);
    }
    acc.set(id, e);
  }
  const list = [...acc].map(([id, e]) => ({ id, ...e })).sort(byScore);
  const top = list[0]?.raw ?? 0;
  return list.slice(0, o.maxCandidates).map((e) => ({ industry: e.id, score: scoreOf(e.raw), status: statusOf(scoreOf(e.raw), e.raw, top, e.product, o), evidence: e.evidence }));
}
