import type { Company, CompanyList, Dataset, RevenueBand, Risk, Signal, Tie } from '../../src/schema/index.js';
import { REVENUE_BANDS } from '../../src/schema/index.js';
import { firmName, placePrefix, type FirmName } from './names.js';
import { weightedSampler, type Rng } from './rng.js';
import type { Taxonomy } from './taxonomy.js';
import { COMPANY_BANDS, OWNERSHIP, RISK_TYPES, SCOPE_END, SCOPE_TAILS, SEGMENTS_PER_COMPANY, SIGNAL_TYPES, SOURCES, TIE_TYPES } from './vocabulary.js';

/** A generated company with the parts of its name (for matching queries and CSV rows). */
export interface GeneratedCompany {
  readonly company: Company;
  readonly parts: FirmName;
}

/** List memberships with their rate among the 聊城 companies. */
const LIST_RATES: readonly (readonly [CompanyList, number])[] = [
  ['fortune-global-500', 39 / 523], ['china-500', 52 / 523], ['china-private-500', 32 / 523], ['specialized-little-giant', 0.02], ['china-manufacturing-500', 0.03],
];
const LISTED_RATE = 427 / 523;
const AS_OF: readonly string[] = ['2024', '2025', '2025-06'];
const STOCK_PREFIXES: readonly string[] = ['600', '601', '603', '000', '002', '300'];
// Samplers built once: the draws run a million times for L.
const drawBand = weightedSampler(COMPANY_BANDS);
const drawOwnership = weightedSampler(OWNERSHIP);
const drawSegmentCount = weightedSampler(SEGMENTS_PER_COMPANY);
const drawSignalType = weightedSampler(SIGNAL_TYPES);
const drawTieType = weightedSampler(TIE_TYPES);
const drawRiskType = weightedSampler(RISK_TYPES);
const drawSeverity = weightedSampler([['low', 6], ['medium', 3], ['high', 1]] as const);
const drawSignalCount = weightedSampler([[0, 396], [1, 116], [2, 11]] as const);
const drawTieCount = weightedSampler([[0, 494], [1, 27], [2, 2]] as const);
const drawConfidence = weightedSampler([['high', 2], ['medium', 6], ['low', 2]] as const);
const HAN = /[\u3400-\u9fff]/;

interface Prepared {
  readonly zhKeywords: readonly (readonly string[])[];
  readonly byIndustry: ReadonlyMap<string, readonly number[]>;
  readonly place: (rng: Rng) => { readonly province: string; readonly city: string };
}

function prepare(tax: Taxonomy, base: Dataset): Prepared {
  const zhKeywords = tax.segments.map((s) => {
    const zh = s.keywords.filter((k) => HAN.test(k));
    return zh.length > 0 ? zh : [s.name];
  });
  const byIndustry = new Map<string, number[]>();
  tax.segments.forEach((s, i) => (byIndustry.get(s.industry) ?? byIndustry.set(s.industry, []).get(s.industry)!).push(i));
  // HQ places: every city-level place, weighted like the 聊城 companies' HQs (+1 so every city can appear).
  const seen = new Map<string, number>();
  for (const c of base.companies) seen.set(`${c.hq.province}|${c.hq.city}`, (seen.get(`${c.hq.province}|${c.hq.city}`) ?? 0) + 1);
  const places = tax.cities.filter((c) => c.level === 'city' && (c.country === undefined || c.country === '中国'));
  const place = weightedSampler(places.map((c) => [{ province: c.province, city: c.name }, 1 + 4 * (seen.get(`${c.province}|${c.name}`) ?? 0)] as const));
  return { zhKeywords, byIndustry, place };
}

function placeFor(rng: Rng, hq: { readonly province: string; readonly city: string }): string {
  const city = placePrefix(hq.city);
  return rng.chance(0.5) && city.length <= 3 ? city : placePrefix(hq.province);
}

function bandRevenue(rng: Rng, band: RevenueBand): number {
  const { min, max } = REVENUE_BANDS[band];
  const lo = Math.max(min, 0.1);
  const hi = Number.isFinite(max) ? max : min * 3;
  return Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))) * 100) / 100;
}

function partialDate(rng: Rng): string {
  const year = rng.int(2018, 2026);
  if (rng.chance(0.3)) return String(year);
  const month = rng.int(1, year === 2026 ? 10 : 12);
  return `${year}-${String(month).padStart(2, '0')}`;
}

function segmentsOf(rng: Rng, tax: Taxonomy, p: Prepared): number[] {
  const k = drawSegmentCount(rng);
  const first = rng.int(0, tax.segments.length - 1);
  const out = [first];
  const same = p.byIndustry.get(tax.segments[first]!.industry)!;
  for (let tries = 0; out.length < k && tries < k * 4; tries++) {
    const s = rng.chance(0.75) ? rng.pick(same) : rng.int(0, tax.segments.length - 1);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function productsOf(rng: Rng, slots: readonly number[], p: Prepared): string[] {
  const n = rng.int(1, 5);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = rng.pick(p.zhKeywords[rng.pick(slots)]!);
    if (!out.includes(w)) out.push(w);
  }
  return out.slice(); // exact length, like an array from JSON.parse
}

function scopeOf(rng: Rng, products: readonly string[]): string {
  const head = products.slice(0, 2).join('、');
  const more = products.length > 2 ? `；${products.slice(2).join('、')}制造` : '';
  return `一般项目：${head}的研发、生产、销售${more}；${rng.pick(SCOPE_TAILS)}；${rng.pick(SCOPE_TAILS)}。${SCOPE_END}`;
}

function signalOf(rng: Rng, product: string): Signal {
  const type = drawSignalType(rng);
  const n = rng.int(2, 80);
  const text = {
    'new-plant': `新建${product}生产基地`,
    capex: `投资${n}亿元扩建${product}产能`,
    expansion: `${product}扩产项目开工`,
    financing: `完成${n}亿元融资`,
    ipo: '启动首次公开发行上市',
    merger: '收购同行业企业股权',
    growth: `营收同比增长${n}%`,
    other: '与地方政府签署战略合作协议',
  }[type];
  return { type, date: partialDate(rng), text, source: rng.pick(SOURCES) };
}

function tieOf(rng: Rng, tax: Taxonomy): Tie {
  const type = drawTieType(rng);
  const e = tax.enterprises.length > 0 && rng.chance(0.5) ? rng.pick(tax.enterprises) : undefined;
  return { type, ...(e !== undefined ? { enterprise: e.id } : {}), text: e !== undefined ? `与本地企业${e.name}有业务往来` : '创始人为聊城籍乡贤', source: rng.pick(SOURCES) };
}

function riskOf(rng: Rng): Risk {
  return { type: drawRiskType(rng), severity: drawSeverity(rng), date: partialDate(rng), text: '行业产能过剩，盈利承压', source: rng.pick(SOURCES) };
}

/**
 * Generate target companies on a taxonomy, shaped like the 聊城 companies: ownership, revenue bands,
 * lists, segments per company, products from segment keywords, signals, ties and risks at the same
 * rates; Chinese names with legal forms, aliases, and a 经营范围 built from the products.
 *
 * @param tax - the taxonomy (segments, enterprises, places)
 * @param base - the embedded dataset (HQ distribution)
 * @param count - number of companies
 * @param rng - the draws
 * @param options - `idPrefix` for ids, `scope` to add a business scope (default true)
 * @returns the companies with their name parts
 */
export function generateCompanies(tax: Taxonomy, base: Dataset, count: number, rng: Rng, options: { readonly idPrefix?: string; readonly scope?: boolean } = {}): GeneratedCompany[] {
  const p = prepare(tax, base);
  const taken = new Set<string>();
  const out: GeneratedCompany[] = new Array<GeneratedCompany>(count);
  const prefix = options.idPrefix ?? 'co';
  for (let i = 0; i < count; i++) {
    const hq = p.place(rng);
    const slots = segmentsOf(rng, tax, p);
    const segments = slots.map((k) => tax.segments[k]!.id);
    const parts = firmName(rng, tax.baseIndustryOf[slots[0]!]!, placeFor(rng, hq), taken);
    const products = productsOf(rng, slots, p);
    const band = drawBand(rng);
    const lists: CompanyList[] = [];
    for (const [l, rate] of LIST_RATES) if (rng.chance(rate)) lists.push(l);
    const listed = rng.chance(LISTED_RATE);
    if (listed) lists.push('listed');
    const short = `${parts.tradeName}${parts.industryWord}`;
    const aliases = rng.chance(0.8) ? [short, parts.place.length > 0 ? `${parts.place}${parts.tradeName}` : `${parts.tradeName}${rng.pick(['股份', '集团', '公司'])}`] : [short];
    const nSignals = drawSignalCount(rng);
    const nTies = drawTieCount(rng);
    const revenue = band !== 'none' && rng.chance(18 / 523) ? bandRevenue(rng, band as RevenueBand) : undefined;
    const growth = rng.chance(0.2) ? Math.round((rng.next() * 0.8 - 0.2) * 100) / 100 : undefined;
    const stockCode = listed && rng.chance(0.99) ? `${rng.pick(STOCK_PREFIXES)}${String(rng.int(0, 999)).padStart(3, '0')}.${rng.chance(0.5) ? 'SH' : 'SZ'}` : undefined;
    // One literal (spreads of optional parts), as a JSON.parse of the same record would give one compact object.
    const company: Company = {
      id: `${prefix}-${String(i).padStart(7, '0')}`,
      name: parts.name,
      aliases,
      hq: { province: hq.province, city: hq.city },
      ownership: drawOwnership(rng),
      segments,
      products,
      ...(options.scope !== false ? { businessScope: scopeOf(rng, products) } : {}),
      ...(band !== 'none' ? { revenueBand: band as RevenueBand, revenueYear: 2023 } : {}),
      ...(revenue !== undefined ? { revenue } : {}),
      ...(growth !== undefined ? { growth } : {}),
      ...(lists.length > 0 ? { lists: lists.slice() } : {}),
      ...(stockCode !== undefined ? { stockCode } : {}),
      ...(nSignals > 0 ? { signals: Array.from({ length: nSignals }, () => signalOf(rng, products[0]!)) } : {}),
      ...(nTies > 0 ? { ties: Array.from({ length: nTies }, () => tieOf(rng, tax)) } : {}),
      ...(rng.chance(27 / 523) ? { risks: [riskOf(rng)] } : {}),
      ...(rng.chance(0.3) ? { note: `主营${products.join('、')}。` } : {}),
      source: rng.pick(SOURCES),
      confidence: drawConfidence(rng),
      asOf: rng.pick(AS_OF),
    };
    out[i] = { company, parts };
  }
  return out;
}

/** A record for name matching: id, registered name, aliases, and the name's parts. */
export interface GeneratedName {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly parts: FirmName;
}

/**
 * Only the names of companies (id, name, aliases), drawn like `generateCompanies` draws them but without
 * the other attributes: the 1,000,000 names of the matching benchmark.
 *
 * @param tax - the taxonomy (industry words by segment)
 * @param base - the embedded dataset (HQ distribution)
 * @param count - number of names
 * @param rng - the draws
 * @returns unique names with aliases
 */
export function generateNames(tax: Taxonomy, base: Dataset, count: number, rng: Rng): GeneratedName[] {
  const p = prepare(tax, base);
  const taken = new Set<string>();
  const out: GeneratedName[] = new Array<GeneratedName>(count);
  for (let i = 0; i < count; i++) {
    const hq = p.place(rng);
    const slot = rng.int(0, tax.segments.length - 1);
    const parts = firmName(rng, tax.baseIndustryOf[slot]!, placeFor(rng, hq), taken);
    const aliases = [`${parts.tradeName}${parts.industryWord}`];
    if (rng.chance(0.8)) aliases.push(parts.place.length > 0 ? `${parts.place}${parts.tradeName}` : `${parts.tradeName}${rng.pick(['股份', '集团', '公司'])}`);
    out[i] = { id: `nm-${String(i).padStart(7, '0')}`, name: parts.name, aliases, parts };
  }
  return out;
}
