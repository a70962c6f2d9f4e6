import { UsageError } from '../errors.js';
import { GAP_KIND_LABELS, GAP_KINDS } from '../gaps/types.js';
import type { Dataset } from '../schema/dataset.js';
import { WEIGHT_PRESETS } from '../scoring/presets.js';
import { editDistance } from '../internal/editDistance.js';

/** One thing an analyst can name on the command line: its id, Chinese and English names, and aliases. */
export interface Candidate {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly aliases?: readonly string[];
}

/** The things one option accepts, with what they are called in messages ("产业" / "industry"). */
export interface CandidateSet {
  readonly what: { readonly zh: string; readonly en: string };
  readonly items: readonly Candidate[];
  /** A suffix that may be left off when comparing (市/区/县 for places, 有限公司/集团 for firms). */
  readonly suffix?: RegExp;
}

/** The outcome of matching a typed name against a candidate set. */
export type NameMatch =
  | { readonly kind: 'found'; readonly id: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Candidate[] }
  | { readonly kind: 'unknown'; readonly suggestions: readonly Candidate[] };

const PUNCTUATION = /[\s\-_·•.,，。、()（）"“”'‘’/／]/gu;

/** Case-, width- and punctuation-insensitive form of a name: NFKC (全角 → 半角), lower case, no spaces or dashes. */
export function normalizeName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '');
}

/** The comparison forms of one name: normalised, and with the set's suffix removed (repeatedly) when something is left. */
function forms(name: string, suffix: RegExp | undefined): string[] {
  const out = [normalizeName(name)];
  if (suffix === undefined) return out;
  let s = out[0]!;
  for (;;) {
    const cut = s.replace(suffix, '');
    if (cut === s || [...cut].length < 2) break;
    out.push(cut);
    s = cut;
  }
  return out;
}

function namesOf(c: Candidate): string[] {
  return [c.id, c.zh, c.en, ...(c.aliases ?? [])].filter((n) => n !== '');
}

/** Dice coefficient over character bigrams (unigrams for one-character strings). */
function dice(a: string, b: string): number {
  const grams = (s: string): string[] => {
    const cs = [...s];
    if (cs.length < 2) return cs;
    return cs.slice(1).map((ch, i) => cs[i]! + ch);
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of gb) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

/** How alike a typed name and a candidate name are, in [0, 1]: the best of bigram overlap, edit distance and containment. */
function similarity(q: string, key: string): number {
  if (q === '' || key === '') return 0;
  const len = Math.max([...q].length, [...key].length);
  const lev = 1 - editDistance(q, key) / len;
  const contains = key.includes(q) || q.includes(key) ? 0.6 + 0.4 * (Math.min([...q].length, [...key].length) / len) : 0;
  return Math.max(dice(q, key), lev, contains);
}

/** Long enough to be matched as part of a name: two CJK characters or three Latin letters/digits. */
function longEnough(q: string): boolean {
  const n = [...q].length;
  return /[^\x00-\x7f]/u.test(q) ? n >= 2 : n >= 3;
}

/**
 * Match what an analyst typed against a candidate set: an exact id, name, English name or alias (case-,
 * width- and punctuation-insensitive, the set's suffix optional) wins; else a unique candidate whose name
 * contains the query (Chinese) or starts with it (Latin); else the closest names as suggestions.
 *
 * @example
 * matchName(countyCandidates(ds), '临清'); // { kind: 'found', id: '临清市' }
 */
export function matchName(set: CandidateSet, query: string): NameMatch {
  const qForms = forms(query, set.suffix);
  const q = qForms[0]!;
  const keyed = set.items.map((c) => ({ c, keys: new Set(namesOf(c).flatMap((n) => forms(n, set.suffix))) }));
  // The id as typed, before any folding, always wins (ids are what scripts and tests pass).
  const byId = set.items.find((c) => c.id === query.trim());
  if (byId !== undefined) return { kind: 'found', id: byId.id };
  const uniq = (cs: readonly Candidate[]): Candidate[] => [...new Map(cs.map((c) => [c.id, c])).values()];
  const exact = uniq(keyed.filter((k) => qForms.some((f) => k.keys.has(f))).map((k) => k.c));
  if (exact.length === 1) return { kind: 'found', id: exact[0]!.id };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
  if (longEnough(q)) {
    // Chinese: any part of a name (有色 → 有色金属); Latin: the start of a name or id (fil → fill), so that
    // `sum` does not silently pick "Weighted sum".
    const latin = !/[^\x00-\x7f]/u.test(q);
    const part = uniq(keyed.filter((k) => [...k.keys].some((key) => (latin ? key.startsWith(q) : key.includes(q)))).map((k) => k.c));
    if (part.length === 1) return { kind: 'found', id: part[0]!.id };
    if (part.length > 1) return { kind: 'ambiguous', candidates: part };
  }
  const scored = keyed
    .map((k) => ({ c: k.c, s: Math.max(0, ...[...k.keys].map((key) => similarity(q, key))) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
  return { kind: 'unknown', suggestions: scored.slice(0, 3).map((x) => x.c) };
}

function label(c: Candidate, lang: 'zh' | 'en'): string {
  const name = lang === 'zh' ? c.zh : c.en;
  return name === '' || name === c.id ? c.id : lang === 'zh' ? `${name}（${c.id}）` : `${name} (${c.id})`;
}

/** Up to this many candidates are named in an ambiguity message. */
const SHOWN = 6;

/**
 * Resolve a typed name to an id, or throw a one-line UsageError (exit 2) with the closest matches.
 *
 * @example
 * resolveName(industryCandidates(ds), '新能源', '--industry'); // 'new-energy'
 * @throws {UsageError} for an unknown or ambiguous name
 */
export function resolveName(set: CandidateSet, query: string, option: string): string {
  const m = matchName(set, query);
  if (m.kind === 'found') return m.id;
  const q = query.trim();
  if (m.kind === 'ambiguous') {
    const more = m.candidates.length > SHOWN ? m.candidates.length - SHOWN : 0;
    const zh = m.candidates.slice(0, SHOWN).map((c) => label(c, 'zh')).join('、') + (more > 0 ? ` 等 ${m.candidates.length} 个` : '');
    const en = m.candidates.slice(0, SHOWN).map((c) => label(c, 'en')).join(', ') + (more > 0 ? ` and ${more} more` : '');
    throw new UsageError(
      `${option}: "${q}" matches several ${set.what.en}s: ${en}; give the full name or the id`,
      `${option}：“${q}”可指多个${set.what.zh}：${zh}；请写全名或 id`,
    );
  }
  // A short set is named in full; a long one points to `list`.
  const short = set.items.length <= SHOWN;
  const hintZh =
    m.suggestions.length > 0 ? `您是否指：${m.suggestions.map((c) => label(c, 'zh')).join('、')}？` : short ? `可用：${set.items.map((c) => label(c, 'zh')).join('、')}。` : `可用 chain-targeting list 查看全部名称。`;
  const hintEn =
    m.suggestions.length > 0 ? `did you mean ${m.suggestions.map((c) => label(c, 'en')).join(', ')}?` : short ? `valid: ${set.items.map((c) => label(c, 'en')).join(', ')}.` : 'see chain-targeting list for every name.';
  throw new UsageError(`${option}: no ${set.what.en} "${q}"; ${hintEn}`, `${option}：没有${set.what.zh}“${q}”。${hintZh}`);
}

/** Resolve an optional value: undefined stays undefined. */
export function resolveOptional(set: CandidateSet, query: string | undefined, option: string): string | undefined {
  return query === undefined ? undefined : resolveName(set, query, option);
}

const FIRM_SUFFIX = /(股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|co\.?ltd|ltd|inc|group|corp)$/u;
const PLACE_SUFFIX = /(市|区|县)$/u;

/** The dataset's industries. */
export function industryCandidates(ds: Dataset): CandidateSet {
  return { what: { zh: '产业', en: 'industry' }, items: ds.industries.map((i) => ({ id: i.id, zh: i.name, en: i.nameEn })) };
}

/** The dataset's industries and their sub-directions (gaps --industry). */
export function industryOrSubCandidates(ds: Dataset): CandidateSet {
  return {
    what: { zh: '产业或细分方向', en: 'industry or sub-direction' },
    items: ds.industries.flatMap((i) => [{ id: i.id, zh: i.name, en: i.nameEn }, ...i.subDirections.map((s) => ({ id: s.id, zh: s.name, en: s.nameEn }))]),
  };
}

/** The dataset's segments (环节), optionally of one industry. */
export function segmentCandidates(ds: Dataset, industry?: string): CandidateSet {
  return { what: { zh: '环节', en: 'segment' }, items: ds.segments.filter((s) => industry === undefined || s.industry === industry).map((s) => ({ id: s.id, zh: s.name, en: s.nameEn })) };
}

/** The dataset's industries and segments (whatif --priority). */
export function industryOrSegmentCandidates(ds: Dataset): CandidateSet {
  return { what: { zh: '产业或环节', en: 'industry or segment' }, items: [...industryCandidates(ds).items, ...segmentCandidates(ds).items] };
}

/** The local enterprises (本地企业). */
export function enterpriseCandidates(ds: Dataset): CandidateSet {
  return { what: { zh: '本地企业', en: 'local enterprise' }, suffix: FIRM_SUFFIX, items: ds.enterprises.map((e) => ({ id: e.id, zh: e.name, en: e.nameEn ?? '' })) };
}

/** The target companies (目标企业), with their aliases. */
export function companyCandidates(ds: Dataset): CandidateSet {
  return { what: { zh: '企业', en: 'company' }, suffix: FIRM_SUFFIX, items: ds.companies.map((c) => ({ id: c.id, zh: c.name, en: c.nameEn ?? '', ...(c.aliases !== undefined ? { aliases: c.aliases } : {}) })) };
}

/** The home city's places (区县、园区) from cities.json; the id is the full name (临清市). */
export function countyCandidates(ds: Dataset): CandidateSet {
  const home = ds.meta.home.city;
  return {
    what: { zh: '区县', en: 'county' },
    suffix: PLACE_SUFFIX,
    items: ds.cities.filter((c) => c.parent === home && c.name !== home).map((c) => ({ id: c.name, zh: c.name, en: c.nameEn ?? '' })),
  };
}


/** Gap kinds: 补链/延链/强链/建链/无缺口 ↔ fill/extend/strengthen/build/none. */
export const GAP_KIND_CANDIDATES: CandidateSet = {
  what: { zh: '缺口类型', en: 'gap kind' },
  items: GAP_KINDS.map((k) => ({ id: k, zh: GAP_KIND_LABELS[k].zh, en: GAP_KIND_LABELS[k].en, ...(k === 'none' ? { aliases: ['无'] } : {}) })),
};

/** Weight presets (均衡/补短板/强链/前瞻布局), the entropy method (熵权法) and the dataset's learned weights (学习权重). */
export const PRESET_CANDIDATES: CandidateSet = {
  what: { zh: '权重方案', en: 'weight preset' },
  items: [...Object.values(WEIGHT_PRESETS).map((p) => ({ id: p.id, zh: p.zh, en: p.en })), { id: 'entropy', zh: '熵权法', en: 'Entropy', aliases: ['熵权', '熵值法'] }, { id: 'learned', zh: '学习权重', en: 'Learned', aliases: ['学得的权重'] }],
};

/** Aggregation methods: 加权求和 / TOPSIS. */
export const METHOD_CANDIDATES: CandidateSet = {
  what: { zh: '聚合方法', en: 'aggregation method' },
  items: [
    { id: 'weighted', zh: '加权求和', en: 'Weighted sum', aliases: ['加权'] },
    { id: 'topsis', zh: 'TOPSIS', en: 'TOPSIS', aliases: ['逼近理想解', '逼近理想解排序法'] },
  ],
};
