import * as z from 'zod';
import { UsageError } from '../../errors.js';
import type { IndustryLabel, Placement, PlacementEvidence } from '../../schema/company.js';
import type { Industry } from '../../schema/industry.js';
import type { Segment } from '../../schema/segment.js';
import { createKeywordTagger, TagOptionsSchema, type KeywordTagger } from '../createKeywordTagger.js';
import type { IndustryCandidate, SegmentCandidate, TaggableCompany } from '../types.js';
import { divisionsOfSection, normalizeGbCode, sectionOf } from './gbCodes.js';
import { defaultConcordances, defaultNameWords } from './defaultConcordances.js';
import { createLabelResolver, type LabelConcordance, type LabelConcordanceEntry, type LabelMixPart } from './labelCodes.js';
import { OFF_CHAIN_NAME_WORDS } from './offChainWords.js';
import { createIndustryProfileIndex, createProfileIndex, prepareProfileQuery, type ProfileHit } from './profileIndex.js';
import { isTradeOnly, MAKE, tidyScope } from '../internal/scopeClauses.js';
import { normalizeText } from '../normalizeText.js';
import { toSimplified } from '../toSimplified.js';

/** Options of `createPlacer`. */
export const PlacerOptionsSchema = z.object({
  /** Options of the keyword tagger that reads products, business scope and the name. */
  tagOptions: TagOptionsSchema.optional(),
  /** Industry score from which an industry is confirmed. */
  confirmAt: z.number().min(0).max(1).default(0.55),
  /** Industry score from which an industry is kept as uncertain. */
  uncertainAt: z.number().min(0).max(1).default(0.3),
  /** A GB/T code that falls within this many segments or fewer confirms them by itself; more need a text signal too. */
  codeConfirmsUpTo: z.number().int().min(0).default(2),
  /** A further industry is confirmed only with at least this share of the best industry's score. */
  secondIndustryShare: z.number().min(0).max(1).default(0.8),
  /** Text retrieval (BM25 over segment profiles): industry score = min(1, gain × normalised BM25 of its best segment). */
  retrievalGain: z.number().min(0).default(1.4),
  /** Normalised BM25 from which the best-matching segment is confirmed (when its industry is). */
  retrievalSegmentAt: z.number().min(0).max(1).default(0.45),
  /** Weight of the company name as a retrieval query, against products and scope (1). */
  retrievalNameWeight: z.number().min(0).max(1).default(0.5),
  /** Share a utility or service code (GB/T sections D–T) within a segment counts for holding a firm on a chain, against a goods code (1). */
  serviceCodeShare: z.number().min(0).max(1).default(0.5),
  /** A product line (or the scope) is searched on its own when it has, and a profile matches, at least this many terms (character bigrams). */
  retrievalItemTerms: z.number().int().min(1).default(2),
  /** Among the industries a firm's codes allow, one its products, scope or name point to at least this much takes the codes' full strength. */
  wordPicksAt: z.number().min(0).max(1).default(0.1),
  /** Score an industry word of the name (轴承, 电气 …) gives the industries its codes fall within: uncertain alone. */
  nameWordScore: z.number().min(0).max(1).default(0.45),
  /**
   * A specific industry word of the name (one industry, codes of 3–4 digits: 轴承, 激光, 生物) that the label's codes
   * do not allow stands beside the label's own industries with the label's strength, and leads them: a coarse vendor
   * label often names the customers' sector (汽车配件 for a hub-bearing maker) or a broad group (专用机械 for lasers).
   */
  nameWordOverrides: z.boolean().default(true),
  /**
   * How much the label's own words weigh among the industries its codes allow (0: not at all). A code shared by several
   * industries' segments (3985 电子专用材料: wafers, battery materials, electronic chemicals) is split by how many
   * segments each has there; the label's words (半导体材料) say which the vendor meant. Each allowed industry keeps
   * 1 − w + w × (its BM25 match of the label's words / the best match) of its code score.
   */
  labelTextWeight: z.number().min(0).max(1).default(0),
  /**
   * A goods label whose whole name is a segment's own name or keyword (申万 钢结构, 电子化学品, 激光设备), where that
   * segment's codes lie within the label's, names the segment: its industry leads among the industries the label's
   * codes allow (3311 金属结构 is shared by steel structures, PV mounts and wind towers) and the segment is confirmed.
   */
  labelNamesSegment: z.boolean().default(true),
  /**
   * A coarse label whose codes lie off every chain (Tushare 软件服务 → GB/T 65, shared by industrial software and general
   * IT services) but whose make-up by a finer classification (`mix`: how many listed firms under it 申万 puts in each L3)
   * has at least as many firms on one industry's codes as off every chain holds the firm on that industry as uncertain,
   * with score = label weight × that industry's share. A firm's own words (an off-chain name: 某某教育) still decide.
   */
  labelMix: z.boolean().default(false),
  /**
   * A sector word of the name (电气, 重工, 装备: `sectorWords` of name-words.json) picks among a fine label's industries
   * (申万 L3, GB/T 中类/小类: level 3 or finer, whose codes were chosen for that label) only those with at least this
   * share of the best code score: 1 (default) lets it only break ties, 0 lets it pick any. Among a coarse label's
   * industries (Tushare 电气设备 → 38, split only by how many segments each has there) it always picks freely.
   */
  sectorWordPicksWithin: z.number().min(0).max(1).default(1),
  /** The fewest firms a label's make-up must count for `labelMix` to read it. */
  labelMixMinFirms: z.number().int().min(1).default(20),
});
export type PlacerOptions = z.input<typeof PlacerOptionsSchema>;

/** What placement reads of a dataset: segments (with `industryCodes`) and industries. */
export interface PlacementDataset {
  readonly segments: readonly Segment[];
  readonly industries: readonly Industry[];
}

/** What placement reads of a company: the tagger's fields and the industry labels of an export. */
export type PlaceableCompany = TaggableCompany & { readonly industryLabels?: readonly IndustryLabel[] | undefined };

/** The placement of one company: the contract's `Placement`, plus the industries and segments it implies. */
export interface PlacementResult extends Placement {
  /** Industries, main first (confirmed ones; the uncertain ones when none is confirmed; empty when off-chain). */
  readonly industries: readonly string[];
  /** Confirmed segments only. */
  readonly segments: readonly string[];
  /** Segment candidates with their evidence, best first (for review). */
  readonly candidates: readonly SegmentCandidate[];
  /** Industry candidates with scores, best first. */
  readonly industryCandidates: readonly IndustryCandidate[];
}

/** A placer built once per dataset. */
export interface Placer {
  place(company: PlaceableCompany): PlacementResult;
}

/** The GB/T codes of one industry label, with the evidence to show for them. */
interface LabelHit {
  readonly codes: readonly string[];
  /** The classification and its level (GB/T 1 门类 … 4 小类; 申万 1–3), for finest-first reading. */
  readonly scheme: IndustryLabel['scheme'];
  readonly level: number;
  readonly evidence: PlacementEvidence;
  /** Weight of the source: a GB/T code given by the export counts more than one mapped from a vendor label. */
  readonly weight: number;
  /** The label's make-up by a finer classification (Tushare 软件服务 by 申万 L3), when the concordance has one. */
  readonly mix?: readonly LabelMixPart[] | undefined;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const labelText = (l: IndustryLabel): string => [l.code, l.name].filter((x) => x !== undefined).join(' ');
const SCHEME_WEIGHT: Readonly<Record<IndustryLabel['scheme'], number>> = { gb4754: 1, csrc2012: 0.9, sw2021: 0.9, vendor: 0.85 };

/**
 * Build a placer (挂链) for a dataset: every company is put on the city's chains from all its signals, with the
 * evidence for each. Signals, strongest first:
 * 1. **Industry codes.** GB/T 4754-2017 codes from the export's 国标行业 columns, or mapped from 申万 / 证监会 / vendor
 *    labels through `concordances`, are matched against each segment's `industryCodes` (minus `excludeCodes`): a
 *    code within a segment's code places the company on that segment's industry (and on the segment itself when
 *    few segments share the code); a coarser code (32, 有色金属冶炼和压延加工业) places it on the industries whose
 *    segments it covers, in proportion.
 * 2. **Text.** Products, business scope (boilerplate and stock phrases removed) and the name, through the keyword
 *    tagger (`createKeywordTagger`): a confirmed segment confirms its industry.
 * 3. **Off-chain.** A company whose codes fall under no segment of any chain (a bank, a developer, a game studio)
 *    and that no text confirms on a segment is `off-chain`; without codes, a name such as 某某银行 says the same.
 * Industry score = 1 − (1 − code score)(1 − text score); confirmed from `confirmAt`, uncertain from `uncertainAt`.
 *
 * @param dataset - segments (with `industryCodes`) and industries
 * @param concordances - vendor classifications → GB/T codes (default: `defaultConcordances()`, the shipped ones)
 * @param options - thresholds (see `PlacerOptionsSchema`)
 * @param nameWords - industry words of company names → GB/T codes (see `defaultNameWords`)
 * @throws {UsageError} OPTIONS_INVALID when options are malformed
 * @example
 * const placer = createPlacer(liaocheng(), defaultConcordances());
 * placer.place({ name: '某铝业有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }] }).status; // 'confirmed'
 */
export function createPlacer(dataset: PlacementDataset, concordances: readonly LabelConcordance[] = defaultConcordances(), options?: PlacerOptions, nameWords: readonly LabelConcordanceEntry[] = defaultNameWords()): Placer {
  const parsed = PlacerOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new UsageError('createPlacer: invalid options', 'createPlacer：选项无效', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), 'OPTIONS_INVALID');
  }
  const o = parsed.data;
  const tagger: KeywordTagger = createKeywordTagger(dataset, o.tagOptions);
  const profiles = createProfileIndex(dataset.segments, dataset.industries);
  const industryProfiles = createIndustryProfileIndex(dataset.segments, dataset.industries);
  const resolve = createLabelResolver(concordances);
  const segments = dataset.segments;
  const industryOf = new Map(segments.map((s) => [s.id, s.industry]));
  const segCodes = segments.map((s) => ({ id: s.id, industry: s.industry, codes: (s.industryCodes ?? []).map(String), exclude: (s.excludeCodes ?? []).map(String) }));
  const segCodeOf = new Map(segCodes.map((s) => [s.id, s]));
  const industryCodes = dataset.industries.map((i) => ({ id: i.id, codes: (i.industryCodes ?? []).map(String), exclude: (i.excludeCodes ?? []).map(String) }));
  // Segment names and keywords as a whole label would be written (申万 L3 names drop their Ⅲ mark: 特钢Ⅲ → 特钢).
  const labelKey = (x: string): string => toSimplified(normalizeText(x)).toLowerCase().replace(/\s+/g, '').replace(/(iii|ⅲ)$/, '');
  const segmentsByLabel = new Map<string, number[]>();
  segments.forEach((s, k) => {
    for (const w of new Set([s.name, ...s.keywords].map(labelKey))) if (w.length >= 2) segmentsByLabel.set(w, [...(segmentsByLabel.get(w) ?? []), k]);
  });
  // Label names repeat down a list: each is read once per placer.
  const namedMemo = new Map<string, readonly number[]>();
  const segmentsNamedBy = (name: string): readonly number[] => {
    let r = namedMemo.get(name);
    if (r === undefined) {
      r = segmentsByLabel.get(labelKey(name)) ?? [];
      if (namedMemo.size < 20_000) namedMemo.set(name, r);
    }
    return r;
  };
  const hasCodes = segCodes.some((s) => s.codes.length > 0) || industryCodes.some((i) => i.codes.length > 0);
  const under = (code: string, of: string): boolean => code.startsWith(of);

  // Codes repeat across companies (a few hundred distinct ones in any list): each is matched once per placer.
  const codeMatches = new Map<string, { within: string[]; covers: string[]; industriesWithin: string[] }>();
  /** Segments a company code falls within, and segments it covers (coarser than their code). */
  function matchCode(code: string): { within: string[]; covers: string[]; industriesWithin: string[] } {
    let m = codeMatches.get(code);
    if (m === undefined) codeMatches.set(code, (m = matchCodeUncached(code)));
    return m;
  }
  function matchCodeUncached(code: string): { within: string[]; covers: string[]; industriesWithin: string[] } {
    const within: string[] = [];
    const covers: string[] = [];
    for (const s of segCodes) {
      if (s.exclude.some((e) => under(code, e))) continue;
      if (s.codes.some((c) => under(code, c))) within.push(s.id);
      else if (s.codes.some((c) => under(c, code))) covers.push(s.id);
    }
    const industriesWithin = industryCodes.filter((i) => !i.exclude.some((e) => under(code, e)) && i.codes.some((c) => under(code, c))).map((i) => i.id);
    return { within, covers, industriesWithin };
  }

  // Off-chain sectors by the standard's own names (保险代理服务, 房地产开发经营, 互联网游戏服务): 中类/小类 of the service
  // sections (F–T) whose codes no segment or industry holds or covers, read as their core words (保险代理) in products and
  // scope. Built lazily: only firms without codes and without a placement need them.
  let offChainNames: { core: string; code: string; name: string }[] | undefined;
  const offChainNamesOf = (): { core: string; code: string; name: string }[] => {
    if (offChainNames !== undefined) return offChainNames;
    const out: { core: string; code: string; name: string }[] = [];
    for (const c of concordances) {
      if (c.scheme !== 'gb4754') continue;
      for (const e of c.entries) {
        const code = e.gb[0];
        if (e.gb.length !== 1 || code === undefined || !/^\d{3,4}$/.test(code) || !/^[F-T]$/.test(sectionOf(code) ?? '')) continue;
        const m = matchCode(code);
        if (m.within.length > 0 || m.covers.length > 0 || m.industriesWithin.length > 0) continue;
        const core = toSimplified(normalizeText(e.label)).replace(/(服务|活动|经营|业)$/, '');
        if (core.length >= 3 && !/其他|未列明/.test(core)) out.push({ core, code, name: e.label });
      }
    }
    out.sort((a, b) => b.core.length - a.core.length || (a.core < b.core ? -1 : 1));
    return (offChainNames = out);
  };
  /**
   * Products and scope that name only an off-chain business (保险业务；保险代理 | 酒店管理；餐饮服务 | 网络游戏): every clause
   * (boilerplate and stock phrases removed) names an off-chain sector — by a word of `OFF_CHAIN_NAME_WORDS` or by the
   * core of an off-chain GB/T name — and none names making or goods (制造, 设备, 用品 …). Undefined otherwise.
   */
  function offChainTextOf(c: PlaceableCompany): PlacementEvidence | undefined {
    // How a service clause ends (a business, not a product).
    const SERVICE_CLAUSE_END = /(服务|业务|代理|管理|经营|活动|中介|运营|咨询|经纪|游戏|娱乐|餐饮|住宿)$/;
    const lines: [string, PlacementEvidence['field']][] = [...(c.products ?? []).map((p): [string, PlacementEvidence['field']] => [p, 'products']), [c.businessScope ?? '', 'businessScope']];
    let first: PlacementEvidence | undefined;
    for (const [line, field] of lines) {
      for (const raw of tidyScope(line).split(/[;；。,，、\n]/)) {
        const clause = toSimplified(normalizeText(raw)).trim();
        if (clause.length === 0) continue;
        if (MAKE.test(clause) || /设备|器材|用品|装备|材料|机$|器$/.test(clause)) return undefined;
        let matched: string | undefined;
        for (const [re, code, label] of OFF_CHAIN_NAME_WORDS) {
          const m = re.exec(clause);
          if (m !== null) {
            matched = `${m[0]}（${label}，GB/T ${code}）`;
            break;
          }
        }
        if (matched === undefined) {
          const n = offChainNamesOf().find((x) => clause.includes(x.core));
          if (n !== undefined) matched = `${n.core}（${n.name}，GB/T ${n.code}）`;
        }
        // A goods noun that merely contains the word (汽车保险杠, 保险丝, 旅游鞋, 港口机械, 环境监测仪) names no off-chain
        // business: the clause must read as a service (保险业务, 保险代理, 餐饮服务, 酒店管理, 网络游戏, 港口运营).
        if (matched === undefined || !SERVICE_CLAUSE_END.test(clause)) return undefined;
        first ??= { field, text: tidyScope(line).slice(0, 60), matched: `${matched}：不在任何产业链上 / off every chain` };
      }
    }
    return first;
  }

  // Industry words of names, longest first (微电子 before 电子; 电子材料 before 电子).
  const words = nameWords.filter((e) => e.gb.length > 0 && e.label.length > 0).map((e) => ({ word: toSimplified(normalizeText(e.label)), codes: e.gb.map(String), lead: e.lead === true }));
  words.sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1));
  // By last character, so that a name is read in one pass from its end (a few words end with any one character).
  const wordsEndingWith = new Map<string, typeof words>();
  for (const w of words) {
    const last = w.word.at(-1)!;
    wordsEndingWith.set(last, [...(wordsEndingWith.get(last) ?? []), w]);
  }
  /**
   * Industries a set of codes falls within, as shares (each code counts one, split among the industries by how many
   * of their segments it falls within; an industry-level code alone counts half); a goods code within none counts for
   * the industries whose segments it covers.
   */
  function industriesOfCodes(codes: readonly string[]): Map<string, number> {
    const share = new Map<string, number>();
    for (const code of codes) {
      const m = matchCode(code);
      const counts = new Map<string, number>();
      for (const s of m.within) counts.set(industryOf.get(s)!, (counts.get(industryOf.get(s)!) ?? 0) + 1);
      for (const i of m.industriesWithin) if (!counts.has(i)) counts.set(i, 0.5);
      if (counts.size === 0 && /^[ABC]$/.test(sectionOf(code) ?? '')) for (const s of m.covers) counts.set(industryOf.get(s)!, (counts.get(industryOf.get(s)!) ?? 0) + 1);
      let total = 0;
      for (const n of counts.values()) total += n;
      for (const [i, n] of counts) share.set(i, (share.get(i) ?? 0) + n / total / codes.length);
    }
    return share;
  }
  type NameWords = { industries: string[]; codes: string[]; lead: boolean; evidence: PlacementEvidence };
  // What each word says, read once per placer (a name is then only scanned for its word).
  const wordMeaning = new Map<string, Omit<NameWords, 'evidence'> & { matched: string } | undefined>();
  function meaningOf(w: { word: string; codes: readonly string[]; lead: boolean }): (Omit<NameWords, 'evidence'> & { matched: string }) | undefined {
    if (wordMeaning.has(w.word)) return wordMeaning.get(w.word);
    const share = industriesOfCodes(w.codes);
    const top = Math.max(0, ...share.values());
    const industries = [...share].filter(([, v]) => v > 0 && v >= 0.5 * top).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([i]) => i);
    const m = industries.length > 0 ? { industries, codes: [...w.codes], lead: w.lead, matched: `行业词 ${w.word} → GB/T ${w.codes.join(',')}` } : undefined;
    wordMeaning.set(w.word, m);
    return m;
  }
  /** The industries the industry word of a name points to (those with at least half the best share), with evidence. */
  function nameWordsOf(name: string): NameWords | undefined {
    // The 组织形式 and bracketed parts (（集团）, (滁州)) are no part of the 行业.
    const rest = toSimplified(normalizeText(name)).replace(/[(（][^)）]*[)）]/g, '').replace(/(股份有限公司|有限责任公司|有限公司|股份公司|集团)+$/, '');
    // The 行业 part stands last, before the 组织形式: the right-most word, the longest ending there (上海电气风电 → 风电;
    // 阳光电源 → 电源, not 光电).
    for (let end = rest.length; end > 0; end--) {
      for (const w of wordsEndingWith.get(rest[end - 1]!) ?? []) {
        if (w.word.length <= end && rest.startsWith(w.word, end - w.word.length)) {
          const m = meaningOf(w);
          return m === undefined ? undefined : { industries: m.industries, codes: m.codes, lead: m.lead, evidence: { field: 'name', text: name, matched: m.matched } };
        }
      }
    }
    return undefined;
  }

  function labelsOf(c: PlaceableCompany): IndustryLabel[] {
    const labels: IndustryLabel[] = [...(c.industryLabels ?? [])];
    if (labels.length === 0 && c.industryCode !== undefined && c.industryCode.trim().length > 0) labels.push({ scheme: 'vendor', name: c.industryCode.trim() });
    return labels;
  }

  function labelHitsOf(c: PlaceableCompany): LabelHit[] {
    const hits: LabelHit[] = [];
    for (const l of labelsOf(c)) {
      const r = resolve(l);
      if (r === undefined) continue;
      const codes = [...new Set(r.codes.flatMap((code) => {
        const n = normalizeGbCode(code);
        return n === undefined ? [] : /^[A-T]$/.test(n) ? divisionsOfSection(n) : [n];
      }))];
      if (codes.length === 0) continue;
      const field = `industryLabels.${l.scheme}${l.level !== undefined ? `.${l.level}` : ''}`;
      const matched = r.via === 'code' ? `GB/T ${codes.join(',')}` : `${r.via} → GB/T ${codes.slice(0, 6).join(',')}${codes.length > 6 ? '…' : ''}`;
      const level = l.level ?? (l.scheme === 'gb4754' && r.via === 'code' ? Math.max(1, Math.min(4, (codes[0] ?? '').length)) : 2);
      hits.push({ codes, scheme: l.scheme, level, weight: SCHEME_WEIGHT[l.scheme] * (r.via === 'code' ? 1 : 0.95), evidence: { field, text: labelText(l), matched }, mix: r.mix });
    }
    return hits;
  }

  /**
   * Industry scores from one label's codes. A code within a segment's (or industry's) codes counts fully; a coarser
   * code of agriculture, mining, manufacturing or utilities (sections A–D) counts for the industries whose segments it
   * covers, in proportion; a coarse service code (51 批发业) says nothing about the goods, so it covers nothing. A label
   * standing for several codes (申万 仓储物流 → 5910, 5920, 5930 …) counts in proportion to its codes that match.
   */
  function scoreLabel(hit: LabelHit): { industries: Map<string, number>; goodsIndustries: Map<string, number>; segments: Map<string, number>; matchedShare: number; withinShare: number; gated: Map<string, string[]> } {
    const gated = new Map<string, string[]>();
    let withinCodes = 0;
    const within = new Map<string, number>();
    const cover = new Map<string, number>();
    const segs = new Map<string, number>();
    let matchedCodes = 0;
    const withinGoods = new Map<string, number>();
    for (const code of hit.codes) {
      const m = matchCode(code);
      const section = sectionOf(code) ?? '';
      const goods = /^[ABCD]$/.test(section);
      // A goods code within an industry's broad code but coarser than other segments' codes (345 轴承、齿轮和传动部件: within
      // 装备制造's 34, over the bearing segments' 3451) counts for all of them, by the segments it covers.
      const coversToo = m.within.length === 0 && goods && m.covers.length > 0;
      if (m.within.length > 0 || m.industriesWithin.length > 0) withinCodes++;
      if (!coversToo && (m.within.length > 0 || m.industriesWithin.length > 0)) {
        // A utility or service code (sections D–T: 热电联产, 钢材批发, 仓储) within a chain's service segment says what
        // the firm does, not that it works with the chain's goods: it counts half for holding the firm on the chain.
        matchedCodes += /^[ABC]$/.test(section) ? 1 : o.serviceCodeShare;
        // Industries sharing a code split it by how many of their segments it falls within (3252 铝压延加工: three
        // aluminium segments and one PV-frame segment → mostly 有色金属); an industry-level code alone counts as one.
        const counts = new Map<string, number>();
        for (const s of m.within) counts.set(industryOf.get(s)!, (counts.get(industryOf.get(s)!) ?? 0) + 1);
        for (const i of m.industriesWithin) if (!counts.has(i)) counts.set(i, m.within.length > 0 ? 0.5 : 1);
        let total = 0;
        for (const n of counts.values()) total += n;
        const base = (code.length >= 4 ? 0.95 : code.length === 3 ? 0.9 : 0.8) * (m.within.length > 0 ? 1 : 0.85);
        for (const [i, n] of counts) {
          within.set(i, (within.get(i) ?? 0) + base * Math.sqrt(n / total));
          if (/^[ABC]$/.test(section)) withinGoods.set(i, (withinGoods.get(i) ?? 0) + base * Math.sqrt(n / total));
        }
        for (const s of m.within) segs.set(s, Math.max(segs.get(s) ?? 0, m.within.length <= o.codeConfirmsUpTo && hit.codes.length <= o.codeConfirmsUpTo ? 1 : 0.5));
      } else if (goods && m.covers.length > 0) {
        matchedCodes++;
        const counts = new Map<string, number>();
        for (const s of m.covers) counts.set(industryOf.get(s)!, (counts.get(industryOf.get(s)!) ?? 0) + 1);
        // The industry whose broad code holds it counts once more than the segments it covers (391 计算机: 新一代信息技术
        // holds 39 and the servers segment; 装备制造 has one industrial-computer segment).
        for (const i of m.industriesWithin) counts.set(i, (counts.get(i) ?? 0) + 1);
        const base = code.length === 3 ? 0.85 : code.length === 2 ? 0.75 : 0.4;
        let total = 0;
        for (const n of counts.values()) total += n;
        for (const [i, n] of counts) cover.set(i, (cover.get(i) ?? 0) + base * Math.sqrt(n / total));
      } else if (m.covers.length > 0) {
        // A coarse service code over a chain's service segment (65 软件和信息技术服务 over 651 软件开发) says nothing by
        // itself: the name's industry word may pick the chain (see `place`).
        for (const s of m.covers) gated.set(industryOf.get(s)!, [...(gated.get(industryOf.get(s)!) ?? []), code]);
      }
    }
    const k = hit.codes.length;
    const industries = new Map<string, number>();
    for (const i of new Set([...within.keys(), ...cover.keys()])) {
      // Mean strength over the label's codes, then the square root: 2 of 3 codes on aluminium is strong, 1 of 6 weak.
      const w = (within.get(i) ?? 0) / k;
      const c = (cover.get(i) ?? 0) / k;
      industries.set(i, hit.weight * Math.sqrt(Math.max(w, c)));
    }
    // The same from goods codes only (sections A–C): what may hold a firm whose label lies mostly off every chain.
    const goodsIndustries = new Map<string, number>();
    for (const i of new Set([...withinGoods.keys(), ...cover.keys()])) goodsIndustries.set(i, hit.weight * Math.sqrt(Math.max((withinGoods.get(i) ?? 0) / k, (cover.get(i) ?? 0) / k)));
    return { industries, goodsIndustries, segments: segs, matchedShare: matchedCodes / k, withinShare: withinCodes / k, gated };
  }

  // Texts repeat down a list (the same 行业 label, the same product lines): each is searched once per placer.
  const searched = new Map<string, { hits: ProfileHit[]; industryHits: ProfileHit[] }>();
  function searchBoth(text: string): { hits: ProfileHit[]; industryHits: ProfileHit[] } {
    let r = searched.get(text);
    if (r === undefined) {
      const q = prepareProfileQuery(text);
      r = q.terms.length === 0 ? { hits: [], industryHits: [] } : { hits: profiles.search(q, 12), industryHits: industryProfiles.search(q, 4) };
      if (searched.size < 20_000) searched.set(text, r);
    }
    return r;
  }

  // A coarse label's make-up (Tushare 软件服务 by 申万 L3), read once per label: each finer class counts its firms for the
  // industry its own codes lead to, or off every chain (as a firm with that finer label alone would be judged by its codes).
  const mixMemo = new Map<readonly LabelMixPart[], { industry: string; share: number; off: number; n: number } | undefined>();
  function mixLeaderOf(mix: readonly LabelMixPart[]): { industry: string; share: number; off: number; n: number } | undefined {
    if (mixMemo.has(mix)) return mixMemo.get(mix);
    const counts = new Map<string, number>();
    let off = 0;
    let n = 0;
    for (const part of mix) {
      const r = resolve({ scheme: part.scheme, ...(part.scheme === 'sw2021' ? { level: 3 } : {}), name: part.label });
      const codes = r === undefined ? [] : [...new Set(r.codes.flatMap((c) => normalizeGbCode(c) ?? []))];
      if (codes.length === 0) continue;
      n += part.n;
      const sr = scoreLabel({ codes, scheme: part.scheme, level: 3, weight: 1, evidence: { field: 'industryCode', text: part.label, matched: part.label } });
      const top = [...sr.industries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (sr.matchedShare < 0.5 || top === undefined) off += part.n;
      else counts.set(top[0], (counts.get(top[0]) ?? 0) + part.n);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const m = best === undefined || n === 0 ? undefined : { industry: best[0], share: best[1] / n, off: off / n, n };
    mixMemo.set(mix, m);
    return m;
  }

  return {
    place(company) {
      const labelHits = labelHitsOf(company);
      const codeScore = new Map<string, number>();
      const codeSegments = new Map<string, number>();
      const codeEvidence = new Map<string, PlacementEvidence>();
      const goodsScore = new Map<string, number>();
      let matchedShare = 0;
      // Finest level first, per classification: 3451 滚动轴承 decides; its 中类 345 (which also holds gears) and 大类 34
      // back up the industries the finer code found and add no others.
      const finestFirst = [...labelHits].sort((a, b) => (a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : b.level - a.level));
      const decided = new Map<string, Set<string>>();
      const gated = new Map<string, { hit: LabelHit; codes: string[] }>();
      let withinShare = 0;
      for (const h of finestFirst) {
        const r = scoreLabel(h);
        withinShare = Math.max(withinShare, r.withinShare);
        for (const [i, codes] of r.gated) if (!gated.has(i)) gated.set(i, { hit: h, codes });
        matchedShare = Math.max(matchedShare, r.matchedShare);
        const before = decided.get(h.scheme);
        for (const [i, v] of r.industries) if (before === undefined || before.has(i)) bump(codeScore, codeEvidence, i, v, h.evidence);
        for (const [i, v] of r.goodsIndustries) if (before === undefined || before.has(i)) goodsScore.set(i, Math.max(goodsScore.get(i) ?? 0, v));
        if (before === undefined && r.industries.size > 0) decided.set(h.scheme, new Set(r.industries.keys()));
        for (const [sId, v] of r.segments) codeSegments.set(sId, Math.max(codeSegments.get(sId) ?? 0, v));
      }

      // A coarse label off every chain by its codes (软件服务 → 65) whose firms are, by a finer classification, at least as
      // often on one industry's codes as off every chain (申万 垂直应用软件 / 横向通用软件 / 计算机设备 against IT服务) holds
      // the firm there as uncertain: such a firm is no less likely on the chain than off it.
      let heldByMix = false;
      // Only where the codes place the firm on no industry; a statistic of the label's firms never confirms one firm.
      if (o.labelMix && hasCodes && matchedShare < 0.5 && codeScore.size === 0) {
        for (const h of labelHits) {
          const m = h.mix !== undefined ? mixLeaderOf(h.mix) : undefined;
          const score = m === undefined ? 0 : Math.min(h.weight * m.share, o.confirmAt - 0.01);
          if (m === undefined || m.n < o.labelMixMinFirms || m.share < m.off || score < o.uncertainAt) continue;
          const ind = dataset.industries.find((i) => i.id === m.industry);
          const name = ind?.name ?? m.industry;
          const nameEn = ind?.nameEn ?? m.industry;
          const pct = Math.round(m.share * 100);
          bump(codeScore, codeEvidence, m.industry, round4(score), { ...h.evidence, matched: `${h.evidence.matched}；该标签的 ${m.n} 家上市公司中 ${pct}% 按申万三级在${name}的行业代码内 / ${pct}% of its ${m.n} listed firms are on ${nameEn} by 申万 L3` });
          heldByMix = true;
        }
      }
      // An industry label the concordances resolved speaks through its codes; its words are not read again as text
      // (仓储物流 → GB/T 59 is logistics, not the 冷链仓储 keyword of cold-chain logistics).
      if (o.labelTextWeight > 0 && codeScore.size > 1) {
        const words = labelsOf(company).map((l) => l.name ?? '').join('；');
        const sim = new Map(words.trim().length > 0 ? searchBoth(words).industryHits.map((h) => [dataset.industries[h.segment]!.id, h.score] as const) : []);
        const best = Math.max(0, ...[...codeScore.keys()].map((i) => sim.get(i) ?? 0));
        if (best > 0) for (const [i, v] of codeScore) codeScore.set(i, v * (1 - o.labelTextWeight + (o.labelTextWeight * (sim.get(i) ?? 0)) / best));
      }
      // A goods label that is a segment's own name (钢结构 → 钢结构 of 黑色金属) names that segment among those its codes allow.
      const labelNamed = new Set<string>();
      if (o.labelNamesSegment && codeScore.size > 0) {
        const top = Math.max(...codeScore.values());
        for (const h of labelHits) {
          const l = labelsOf(company).find((x) => h.evidence.text === labelText(x));
          if (l?.name === undefined || !h.codes.some((c) => /^[ABC]$/.test(sectionOf(c) ?? ''))) continue;
          for (const k of segmentsNamedBy(l.name)) {
            const s = segCodes[k]!;
            if (!codeScore.has(s.industry) || !s.codes.some((c) => h.codes.some((g) => under(c, g) || under(g, c)))) continue;
            bump(codeScore, codeEvidence, s.industry, top, h.evidence);
            labelNamed.add(s.industry);
            codeSegments.set(s.id, 1);
          }
        }
      }
      const tagged = tagger.classify(labelHits.length > 0 && company.industryCode !== undefined ? { ...company, industryCode: undefined } : company);
      const textScore = new Map<string, number>();
      const textEvidence = new Map<string, PlacementEvidence>();
      // Evidence from the name alone is kept apart: it may place a firm, but never holds an off-chain firm on a chain.
      const nameScore = new Map<string, number>();
      const nameEvidence = new Map<string, PlacementEvidence>();
      for (const s of tagged.segments) {
        if (s.status === 'rejected') continue;
        const e = s.evidence[0];
        const ev: PlacementEvidence = e !== undefined ? { field: e.field, text: e.text, matched: e.keyword } : { field: 'name', text: company.name, matched: s.segment };
        const fromName = s.evidence.every((x) => x.field === 'name');
        bump(fromName ? nameScore : textScore, fromName ? nameEvidence : textEvidence, s.industry, s.status === 'confirmed' ? Math.max(s.score, o.confirmAt) : s.score * 0.8, ev);
      }
      for (const i of tagged.industries) {
        if (i.status === 'rejected' || textScore.has(i.industry)) continue;
        const e = i.evidence[0];
        if (e !== undefined) bump(e.field === 'name' ? nameScore : textScore, e.field === 'name' ? nameEvidence : textEvidence, i.industry, i.score * 0.7, { field: e.field, text: e.text, matched: e.keyword });
      }

      // Retrieval: products, the scope (boilerplate removed), label names without a code, then the name (weaker).
      const query = [...(company.products ?? []), company.businessScope !== undefined ? tidyScope(company.businessScope) : ''].filter((x) => x.length > 0).join('；');
      let retrievedSegment: { id: string; score: number } | undefined;
      const retrievalScore = new Map<string, number>();
      const retrieve = (text: string, weight: number, field: PlacementEvidence['field'], minTerms = 1): void => {
        if (text.trim().length === 0) return;
        const found = searchBoth(text);
        const hits = found.hits.filter((h) => h.terms.length >= minTerms);
        const industryHits = found.industryHits.filter((h) => h.terms.length >= minTerms);
        // A line searched on its own counts only when it clearly names one segment.
        if (minTerms > 1 && (hits[0]?.score ?? 0) < o.retrievalSegmentAt) return;
        for (const h of industryHits) {
          const ind = dataset.industries[h.segment]!;
          const v = Math.min(1, o.retrievalGain * h.score * weight);
          const best = hits.find((x) => segments[x.segment]!.industry === ind.id);
          bump(field === 'name' ? nameScore : retrievalScore, field === 'name' ? nameEvidence : textEvidence, ind.id, v, { field, text: text.slice(0, 60), matched: `${ind.name}${best !== undefined ? `·${segments[best.segment]!.name}` : ''}（${h.terms.slice(0, 4).join('、')}）` });
        }
        const top = hits[0];
        if (top !== undefined && (weight === 1 || field === 'industryCode') && top.score >= o.retrievalSegmentAt && (retrievedSegment === undefined || top.score > retrievedSegment.score)) {
          retrievedSegment = { id: segments[top.segment]!.id, score: top.score };
        }
      };
      // Retrieval is the slowest signal and the weakest: it runs only where codes and keywords left a doubt — on the
      // products and scope when no segment is confirmed yet, on the name when no industry is.
      const settled = (m: ReadonlyMap<string, number>): boolean => {
        for (const [i, v] of m) if (1 - (1 - (codeScore.get(i) ?? 0)) * (1 - v) >= o.confirmAt) return true;
        return codeScore.size > 0 && Math.max(...codeScore.values()) >= o.confirmAt;
      };
      const segmentSettled = tagged.segments.some((x) => x.status === 'confirmed') || [...codeSegments.values()].some((v) => v >= 1);
      if (!segmentSettled) {
        retrieve(query, 1, company.products !== undefined && company.products.length > 0 ? 'products' : 'businessScope');
        // Each product line, and the scope, is a statement of its own (速冻水饺、汤圆 | 速冻食品生产): one that a segment covers
        // well places the firm there, however many other lines there are. A line, or a match, of fewer than two terms says too little alone (移动通信 → 通信).
        const scope = company.businessScope !== undefined ? tidyScope(company.businessScope) : '';
        const items: [string, PlacementEvidence['field']][] = [...(company.products ?? []).map((p): [string, PlacementEvidence['field']] => [p, 'products']), [scope, 'businessScope']];
        if (items.filter(([t]) => t.trim().length > 0).length > 1) {
          for (const [item, field] of items) if (prepareProfileQuery(item).terms.length >= o.retrievalItemTerms) retrieve(item, 1, field, o.retrievalItemTerms);
        }
      }
      // A label the concordances do not know (a vendor's own wording) is read as text, like a product.
      const unknownLabels = labelsOf(company).filter((l) => l.name !== undefined && resolve(l) === undefined).map((l) => l.name!);
      if (unknownLabels.length > 0) retrieve(unknownLabels.join('；'), 0.8, 'industryCode');
      if (!settled(textScore) && !settled(retrievalScore)) retrieve(company.name, o.retrievalNameWeight, 'name');
      for (const [i, v] of retrievalScore) if (v > (textScore.get(i) ?? 0)) textScore.set(i, v);
      // As with keywords, a segment the products or scope confirm confirms its industry.
      if (retrievedSegment !== undefined) {
        const ind = industryOf.get(retrievedSegment.id)!;
        if ((textScore.get(ind) ?? 0) < o.confirmAt) textScore.set(ind, o.confirmAt);
      }

      // The name's industry words (某某轴承, 某某电气): without a label they place the firm (uncertain, a weak signal by
      // itself); with one they only pick among the industries its codes allow, as products or scope would.
      // Products or scope, when given, speak first: the name's word then only picks among the industries they point to.
      // Read only where it can matter: no label, a label allowing several industries, or a service label.
      const nw = labelHits.length === 0 || codeScore.size > 1 || gated.size > 0 || (o.nameWordOverrides && codeScore.size > 0) ? nameWordsOf(company.name) : undefined;
      const hasText = (company.products ?? []).some((x) => x.trim().length > 0) || (company.businessScope ?? '').trim().length > 0;
      let heldByName = false;
      const nameWordPicks = new Set<string>();
      const nameLed = new Set<string>();
      if (nw !== undefined) {
        for (const id of nw.industries) {
          // A sector word (电子) does not pick over a segment the label names (申万 电子化学品 → 电子化学品 of 绿色化工).
          if (!nw.lead && labelNamed.size > 0 && !labelNamed.has(id)) continue;
          const gatedBy = gated.get(id);
          if (gatedBy !== undefined && !codeScore.has(id) && nw.codes.some((c) => gatedBy.codes.some((g) => c.startsWith(g)))) {
            // 软件服务 (65) and 某某软件 (6513, within 65): the name names a finer code of the label's, on a chain's segment.
            bump(codeScore, codeEvidence, id, o.confirmAt, gatedBy.hit.evidence);
            heldByName = true;
          }
          // A sector word (电气, 重工, 装备) only breaks ties among a fine label's industries (申万 L3, a GB/T 中类/小类:
          // 风电零部件 → 3415/3311/3393/3451/3062, codes chosen for that label: a weak word does not overrule them); among a
          // coarse label's (Tushare 电气设备 → 38, split only by how many segments each industry has there) it picks freely.
          const weakPick = !nw.lead && labelHits.length > 0 && labelHits.every((h) => h.level >= 3) && (codeScore.get(id) ?? 0) < o.sectorWordPicksWithin * Math.max(0, ...codeScore.values());
          if (labelHits.length > 0 ? codeScore.has(id) && !weakPick : !hasText || textScore.size === 0 || textScore.has(id)) {
            bump(nameScore, nameEvidence, id, o.nameWordScore, nw.evidence);
            nameWordPicks.add(id);
          } else if (o.nameWordOverrides && nw.lead && labelHits.length > 0 && codeScore.size > 0 && nw.industries.length === 1 && nw.codes.every((c) => c.length >= 3)) {
            nameLed.add(id);
          }
        }
      }
      // A specific name word the label does not allow (江苏万达特种轴承 under 工程机械; 某某激光 under 专用机械) takes the
      // label's best strength and leads: the label then stays as the second industry when nearly as strong.
      if (nameLed.size > 0) {
        const top = Math.max(...codeScore.values());
        for (const id of nameLed) {
          bump(codeScore, codeEvidence, id, top, nw!.evidence);
          bump(nameScore, nameEvidence, id, o.nameWordScore, nw!.evidence);
          nameWordPicks.add(id);
        }
      }

      // Codes that allow several industries (38 电气机械: batteries and switchgear; 3670 汽车零部件: hub bearings and
      // wheels) say "one of these"; the firm's own words — products, scope, the name's 行业 part — say which. An
      // industry the codes allow and the words point to gets the codes' full strength; words alone never add one here.
      const codeBefore = new Map(codeScore);
      const codeTop = codeScore.size > 1 ? Math.max(...codeScore.values()) : 0;
      // The name speaks here through its industry word only: a keyword met by chance in a 字号 (中鼎密封件's 密封件 is a
      // bearing-seal keyword) does not lift an industry the codes rank lower.
      const wordOf = (id: string): number => Math.max(textScore.get(id) ?? 0, nameWordPicks.has(id) ? nameScore.get(id) ?? 0 : 0);
      const pointed = codeTop > 0 ? [...codeScore.keys()].filter((id) => wordOf(id) >= o.wordPicksAt) : [];
      const pointedTop = Math.max(0, ...pointed.map(wordOf));
      for (const id of pointed) if (wordOf(id) >= o.secondIndustryShare * pointedTop) codeScore.set(id, codeTop);
      const industries = [...new Set([...codeScore.keys(), ...textScore.keys(), ...nameScore.keys()])].map((id) => {
        const a = codeScore.get(id) ?? 0;
        const b = textScore.get(id) ?? 0;
        const n = nameScore.get(id) ?? 0;
        return {
          id,
          score: round4(1 - (1 - a) * (1 - Math.max(b, n))),
          held: 1 - (1 - (goodsScore.get(id) ?? 0)) * (1 - b),
          evidence: [codeEvidence.get(id), b >= n ? textEvidence.get(id) : nameEvidence.get(id)].filter((x): x is PlacementEvidence => x !== undefined),
        };
      });
      // Equal scores (a code two industries share one segment each: 2511 → 炼化 and 润滑脂) are ordered by the label's own
      // words against each industry's profile (石油加工 reads as 炼化), then by id.
      const labelWords = labelHits.length > 0 && industries.length > 1 ? labelsOf(company).map((l) => l.name ?? '').join('；') : '';
      const tieBreak = new Map(labelWords.trim().length > 0 ? searchBoth(labelWords).industryHits.map((h) => [dataset.industries[h.segment]!.id, h.score] as const) : []);
      // Industries the words raised to the same code strength keep the codes' own order first (391 计算机: servers before
      // the one industrial-computer segment).
      industries.sort((x, y) => y.score - x.score || Number(labelNamed.has(y.id)) - Number(labelNamed.has(x.id)) || (codeBefore.get(y.id) ?? 0) - (codeBefore.get(x.id) ?? 0) || (tieBreak.get(y.id) ?? 0) - (tieBreak.get(x.id) ?? 0) || (x.id < y.id ? -1 : 1));
      const confirmedText = tagged.segments.filter((s) => s.status === 'confirmed');
      const confirmedSegs = new Set(confirmedText.map((s) => s.segment));
      if (retrievedSegment !== undefined) confirmedSegs.add(retrievedSegment.id);
      for (const [s, strength] of codeSegments) {
        // A code shared by many segments confirms one of them only with a text signal for it.
        if (strength >= 1 || tagged.segments.some((t) => t.segment === s && t.status !== 'rejected')) confirmedSegs.add(s);
      }
      const industryCandidates: IndustryCandidate[] = industries.slice(0, 8).map((x) => ({
        industry: x.id,
        score: x.score,
        status: x.score >= o.confirmAt ? 'confirmed' : x.score >= o.uncertainAt ? 'uncertain' : 'rejected',
        evidence: x.evidence.map((e) => ({ field: fieldOf(e.field), keyword: e.matched, text: e.text })),
      }));
      // A second industry is kept only when its evidence is nearly as strong as the first's (魏桥: aluminium and cotton).
      const topScore = industries[0]?.score ?? 0;
      const confirmed = industries.filter((x) => x.score >= o.confirmAt && x.score >= o.secondIndustryShare * topScore);
      const uncertain = industries.filter((x) => x.score >= o.uncertainAt && x.score < o.confirmAt);

      // Off-chain: codes that fall under no chain at all, or (without codes) a finance / property / media … name.
      // Most of what the labels say lies outside every chain (a stray code of a broad label does not hold it on);
      // then an industry confirmed by a word of the name alone does not hold it on either (中国国际航空: 航空运输业,
      // whose name shares 航空 with 航空铝材 and 航空零部件).
      // What may hold such a firm on a chain: a goods code of the label (家居用品 → 21 家具) or its own products and scope;
      // a utility or service code does not (火力发电 → 4412 热电联产 is the code of 自备电厂, but a utility is no captive plant).
      const offByCode = hasCodes && labelHits.length > 0 && matchedShare < 0.5 && !heldByName && !heldByMix && !industries.some((x) => x.held >= o.uncertainAt);
      // A segment the codes alone confirm does not hold such a firm either; one its products or scope confirm does.
      const textSegs = confirmedText.length > 0 || retrievedSegment !== undefined;
      // A label partly off every chain (环境保护: 环保设备 and 环境治理; 新型电力: wind and nuclear) leaves the name to say
      // which: 某某环境集团, 某某核电 is off-chain unless its products or scope hold it on.
      // Without codes, products and scope that only trade goods (药品分销；药品、医疗器械批发与零售) make the firm a trader
      // (GB/T 51 批发业 / 52 零售业), off every chain whatever goods it sells: the goods' words do not place it.
      if (labelHits.length === 0 && isTradeOnly([...(company.products ?? []), company.businessScope ?? ''])) {
        // Unless the city's chain has a trade segment for those goods (聊城: 轴承市场与贸易, GB/T 5174/5179): a segment
        // whose every code is wholesale or retail (51/52), matched by the trade words themselves (轴承销售, a keyword of
        // that segment; trade clauses are weighted down for goods segments, so any match of a trade segment counts).
        const trade = tagged.segments.filter((t) => {
          if (t.score <= 0 || t.evidence.length === 0) return false;
          const codes = segCodeOf.get(t.segment)?.codes ?? [];
          return codes.length > 0 && codes.every((c) => c.startsWith('51') || c.startsWith('52'));
        });
        if (trade.length > 0) {
          const ordered = [...trade].sort((a, b) => b.score - a.score || (a.segment < b.segment ? -1 : 1));
          return {
            status: 'confirmed',
            score: 0.7,
            evidence: uniqueEvidence(ordered.flatMap((t) => t.evidence.map((e) => ({ field: fieldOf(e.field), text: e.text, matched: `${e.keyword}（${t.segment}：批发和零售业 GB/T 51/52 的本市环节 / the city's trade segment）` })))),
            industries: [...new Set(ordered.map((t) => t.industry))],
            segments: ordered.map((t) => t.segment),
            candidates: tagged.segments,
            industryCandidates,
          };
        }
        const text = [...(company.products ?? []), company.businessScope ?? ''].filter((x) => x.trim().length > 0).join('；').slice(0, 60);
        return { status: 'off-chain', score: 0.7, evidence: [{ field: (company.products ?? []).length > 0 ? 'products' : 'businessScope', text, matched: '只有批发、零售、分销（批发和零售业，GB/T 51/52） / goods trade only' }], industries: [], segments: [], candidates: tagged.segments, industryCandidates };
      }
      const offName = labelHits.length > 0 && !offByCode && (withinShare < 1 || matchedShare < 1) && !textSegs ? offChainWord(company) : undefined;
      if (offName !== undefined) {
        const evidence = uniqueEvidence([offName, ...labelHits.map((h) => h.evidence)]);
        return { status: 'off-chain', score: 0.7, evidence, industries: [], segments: [], candidates: tagged.segments, industryCandidates };
      }
      if ((confirmed.length === 0 && confirmedSegs.size === 0) || (offByCode && !textSegs)) {
        const offWord = labelHits.length === 0 ? offChainWord(company) ?? (uncertain.length === 0 ? offChainTextOf(company) : undefined) : undefined;
        if (offByCode || offWord !== undefined) {
          const evidence: PlacementEvidence[] = offByCode
            ? uniqueEvidence(labelHits.map((h) => ({ ...h.evidence, matched: `${h.evidence.matched}（不在本市任何产业链环节的行业代码内 / outside every chain）` })))
            : [offWord!];
          const strength = offByCode ? Math.max(...labelHits.map((h) => 0.9 * h.weight)) * (1 - matchedShare) : 0.7;
          return { status: 'off-chain', score: round4(strength), evidence, industries: [], segments: [], candidates: tagged.segments, industryCandidates };
        }
      }
      const kept = confirmed.length > 0 ? confirmed : uncertain;
      // Confirmed segments only within kept industries: a stray keyword in another chain does not place the firm there.
      const keptIds = new Set(kept.map((x) => x.id));
      // A goods code the export gives (3451 滚动轴承) outweighs a word that contradicts it: within an industry the code
      // places the firm on, a segment whose own codes the firm's codes neither hold nor fall within (轴承钢, 3120/3130) is
      // not confirmed by a word alone.
      const goodsCodes = labelHits.flatMap((h) => h.codes).filter((c) => c.length >= 3 && /^[ABC]$/.test(sectionOf(c) ?? ''));
      const contradicted = (sId: string): boolean => {
        const sc = segCodeOf.get(sId);
        if (goodsCodes.length === 0 || sc === undefined || sc.codes.length === 0 || !codeBefore.has(sc.industry)) return false;
        return !sc.codes.some((c) => goodsCodes.some((g) => under(c, g) || under(g, c)));
      };
      const segs = [...confirmedSegs].filter((s) => (keptIds.has(industryOf.get(s)!) || confirmed.length === 0) && !contradicted(s));
      const orderedSegs = segs.sort((a, b) => bestOf(tagged.segments, b) - bestOf(tagged.segments, a) || (a < b ? -1 : 1));
      return {
        status: confirmed.length > 0 ? 'confirmed' : 'uncertain',
        score: industries[0]?.score ?? 0,
        evidence: uniqueEvidence(kept.flatMap((x) => x.evidence)),
        industries: kept.map((x) => x.id),
        segments: confirmed.length > 0 ? orderedSegs : [],
        candidates: tagged.segments,
        industryCandidates,
      };
    },
  };
}

function bump(score: Map<string, number>, evidence: Map<string, PlacementEvidence>, id: string, value: number, ev: PlacementEvidence): void {
  if (value > (score.get(id) ?? 0)) {
    score.set(id, value);
    evidence.set(id, ev);
  }
}

function bestOf(candidates: readonly SegmentCandidate[], segment: string): number {
  return candidates.find((c) => c.segment === segment)?.score ?? 0;
}

function fieldOf(field: string): 'name' | 'products' | 'businessScope' | 'industryCode' {
  return field === 'name' || field === 'products' || field === 'businessScope' ? field : 'industryCode';
}

function uniqueEvidence(list: readonly PlacementEvidence[]): PlacementEvidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.field}|${e.text}|${e.matched}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, 8);
}

function offChainWord(c: PlaceableCompany): PlacementEvidence | undefined {
  for (const [re, code, label] of OFF_CHAIN_NAME_WORDS) {
    const m = re.exec(c.name);
    if (m !== null) return { field: 'name', text: c.name, matched: `${m[0]}（${label}，GB/T ${code}）` };
  }
  return undefined;
}
