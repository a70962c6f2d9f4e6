import { GAP_KIND_LABELS } from '../../gaps/types.js';
import { REVENUE_BANDS, type Company, type Confidence, type Enterprise, type Park } from '../../schema/index.js';
import { COMPANY_LIST_LABELS, FEATURE_LABELS, OWNERSHIP_LABELS, RISK_LABELS, SIGNAL_LABELS, TIE_LABELS } from '../../scoring/labels.js';
import { FEATURE_NAMES, type RankedItem } from '../../scoring/types.js';
import { sizeUnknown } from '../../scoring/features/scale.js';
import { estimateSize } from '../../scoring/sizeEstimate.js';
import { haversineKm } from '../../stats/haversineKm.js';
import type { Label } from '../labels.js';
import type { CardFact, KeyTargetCard, LocalPartner, SuggestedSite, TargetCard } from '../types.js';
import { countyLabel, hqLabel, nameOf, placeOf, regionLabel, round, t, type BuildContext } from './context.js';

function scaleText(c: Company | undefined, ctx: BuildContext): string {
  if (c === undefined) return '';
  if (c.revenue !== undefined) {
    const year = c.revenueYear !== undefined ? (ctx.lang === 'zh' ? `（${c.revenueYear}年）` : ` (${c.revenueYear})`) : '';
    const est = c.revenueEstimated === true ? (ctx.lang === 'zh' ? '约' : '~') : '';
    return ctx.lang === 'zh' ? `营收${est}${round(c.revenue, 1)}亿元${year}` : `revenue ${est}¥${round(c.revenue / 10, 2)}bn${year}`;
  }
  if (c.revenueBand !== undefined) return (ctx.lang === 'zh' ? '营收' : 'revenue ') + t(ctx, REVENUE_BANDS[c.revenueBand]);
  // No revenue on record: say what the score used, so a filter on the column finds the sizes still to verify.
  if (sizeUnknown(c)) return ctx.lang === 'zh' ? '规模未知（待核实）' : 'size unknown (to verify)';
  const est = estimateSize(c);
  if (est === undefined) return '';
  const amount = est.revenue >= 10 ? Math.round(est.revenue) : Math.round(est.revenue * 10) / 10;
  const atLeast = est.basis === 'list';
  return ctx.lang === 'zh' ? `营收未披露，估计${atLeast ? '不低于' : '约'} ${amount}亿元` : `revenue not reported; estimate ${atLeast ? '≥' : '~'}¥${round(amount / 10, 2)}bn`;
}

/** A ranked item as a target card, with `rank` as given (the item's rank within its list). */
export function targetCard(item: RankedItem, rank: number, ctx: BuildContext): TargetCard {
  const company = ctx.index.companyById.get(item.id);
  const hq = company?.hq ?? { province: '', city: '' };
  const place = company ? placeOf(ctx, hq) : undefined;
  return {
    rank,
    id: item.id,
    name: company ? nameOf(ctx, company) : item.name,
    hq: { province: hq.province, city: hq.city, label: company ? hqLabel(ctx, hq) : '' },
    regions: (place?.regions ?? []).map((r) => regionLabel(ctx, r)),
    scale: scaleText(company, ctx),
    lists: (company?.lists ?? []).map((l) => t(ctx, COMPANY_LIST_LABELS[l])),
    score: round(item.score, 4),
    contributions: FEATURE_NAMES.map((f) => ({
      feature: f,
      label: t(ctx, FEATURE_LABELS[f]),
      value: round(item.features[f], 4),
      contribution: round(item.contributions[f], 4),
    })),
    matchedGaps: item.matchedGaps.map((g) => {
      const seg = ctx.index.segmentById.get(g.segment);
      return { segment: g.segment, name: seg ? nameOf(ctx, seg) : g.segment, kind: g.kind, kindLabel: t(ctx, GAP_KIND_LABELS[g.kind]), priority: round(g.priority, 4) };
    }),
    reasons: item.reasons.map((r) => t(ctx, r)),
    approach: { method: item.approach.method, label: t(ctx, item.approach), rule: t(ctx, item.approach.rule) },
  };
}

// ---- Key target pages (issue 18): one page per key target, with sourced facts, local partners, a site and warnings.

const CONFIDENCE_LABELS: Readonly<Record<Confidence, Label>> = Object.freeze({
  high: { zh: '高（来源直接说明）', en: 'high (stated by a source)' },
  medium: { zh: '中（部分有来源）', en: 'medium (partly sourced)' },
  low: { zh: '低（推断）', en: 'low (inferred)' },
});

/** Display text of a record's confidence. */
export function confidenceText(ctx: BuildContext, c: Confidence): string {
  return t(ctx, CONFIDENCE_LABELS[c]);
}

/**
 * Months since year 0 of a partial date; a bare year counts as its December (the latest it can mean), so a record
 * dated only by year is not called old before its time. NaN when malformed.
 *
 * @example
 * monthsOf('2024-03') - monthsOf('2024'); // -9
 */
export function monthsOf(date: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  return m === null ? Number.NaN : Number(m[1]) * 12 + (m[2] !== undefined ? Number(m[2]) - 1 : 11);
}

/** A record older than this (months before the handbook's date) gets a freshness warning. */
export const STALE_MONTHS = 24;

const L = (ctx: BuildContext, zh: string, en: string): string => (ctx.lang === 'zh' ? zh : en);

function revenueOf(e: Enterprise): number {
  return e.revenue ?? (e.revenueBand !== undefined ? REVENUE_BANDS[e.revenueBand].min : 0);
}

interface PartnerCandidate {
  readonly e: Enterprise;
  readonly relation: string;
  /** Ties first (3), then links by weight (< 1; +1 when the link touches the chapter's industry), then same-segment peers (0, +1 likewise). */
  readonly strength: number;
}

function partnersOf(company: Company | undefined, segs: readonly string[], ctx: BuildContext, industry: string): PartnerCandidate[] {
  const onIndustry = (...ids: string[]): number => (ids.some((id) => ctx.index.segmentById.get(id)?.industry === industry) ? 1 : 0);
  const seg = (id: string): string => {
    const s = ctx.index.segmentById.get(id);
    return s ? nameOf(ctx, s) : id;
  };
  const out: PartnerCandidate[] = [];
  for (const tie of company?.ties ?? []) {
    const e = tie.enterprise !== undefined ? ctx.index.enterpriseById.get(tie.enterprise) : undefined;
    if (e !== undefined) out.push({ e, relation: `${t(ctx, TIE_LABELS[tie.type])}${L(ctx, '：', ': ')}${tie.text}`, strength: 3 });
  }
  const mine = new Set(segs);
  for (const s of segs) {
    for (const l of ctx.index.inLinks.get(s) ?? []) {
      if (mine.has(l.from)) continue;
      for (const e of ctx.index.enterprisesBySegment.get(l.from) ?? []) out.push({ e, relation: L(ctx, `本地供应方（${seg(l.from)} → ${seg(s)}）`, `local supplier (${seg(l.from)} → ${seg(s)})`), strength: Math.min(0.99, l.weight) + onIndustry(l.from, s) });
    }
    for (const l of ctx.index.outLinks.get(s) ?? []) {
      if (mine.has(l.to)) continue;
      for (const e of ctx.index.enterprisesBySegment.get(l.to) ?? []) out.push({ e, relation: L(ctx, `本地客户（${seg(s)} → ${seg(l.to)}）`, `local customer (${seg(s)} → ${seg(l.to)})`), strength: Math.min(0.99, l.weight) + onIndustry(s, l.to) });
    }
    for (const e of ctx.index.enterprisesBySegment.get(s) ?? []) out.push({ e, relation: L(ctx, `同环节本地企业（${seg(s)}）`, `local firm on the same segment (${seg(s)})`), strength: onIndustry(s) });
  }
  const best = new Map<string, PartnerCandidate>();
  for (const p of out) {
    if (p.e.status === 'closed') continue;
    const b = best.get(p.e.id);
    if (b === undefined || p.strength > b.strength) best.set(p.e.id, p);
  }
  return [...best.values()].sort(
    (a, b) => b.strength - a.strength || Number(b.e.chainLeader === true) - Number(a.e.chainLeader === true) || revenueOf(b.e) - revenueOf(a.e) || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0),
  );
}

/**
 * Issue 17: the group a company belongs to (its `group`, else its `parent` record's name) and the other companies of that
 * group in the list, so a delegation sees related targets together; dated and sourced by the field's own source when
 * it has one. Undefined for a company without group or parent.
 */
function groupFact(company: Company, ctx: BuildContext): CardFact | undefined {
  const parent = company.parent !== undefined ? ctx.index.companyById.get(company.parent) : undefined;
  const group = company.group ?? (parent !== undefined ? nameOf(ctx, parent) : undefined);
  if (group === undefined) return undefined;
  const related = ctx.index.dataset.companies.filter(
    (c) =>
      c.id !== company.id &&
      ((company.group !== undefined && c.group === company.group) || (company.parent !== undefined && (c.parent === company.parent || c.id === company.parent)) || c.parent === company.id),
  );
  const names = related.slice(0, 4).map((c) => nameOf(ctx, c));
  const more = related.length > names.length ? L(ctx, `等 ${related.length} 家`, ` and ${related.length - names.length} more`) : '';
  const with_ = names.length > 0 ? L(ctx, `；同集团在名单中：${names.join('、')}${more}`, `; same group in the list: ${names.join(', ')}${more}`) : '';
  const src = company.sources?.['group'] ?? company.sources?.['parent'];
  return { text: `${L(ctx, '所属集团：', 'Group: ')}${group}${with_}`, date: src?.asOf ?? company.asOf, source: src?.source ?? company.source };
}

/** The record's own source for a field (issue 17: `sources[field]`, the first of `fields` present), else its record-level source. */
function fieldSourced(company: Company, ...fields: string[]): { readonly date: string; readonly source: string; readonly estimate: boolean } {
  for (const f of fields) {
    const s = company.sources?.[f];
    if (s !== undefined) return { date: s.asOf, source: s.source, estimate: s.estimate === true };
  }
  return { date: company.asOf, source: company.source, estimate: false };
}

/**
 * The card's sourced facts (issue 17/18: a reader traces every number or label to a dated source): each fact is dated
 * and sourced by the record's own source for that field when it has one (`sources.revenue`, `sources.lists.<list>`,
 * `sources.hq` …), else by the record-level source and date.
 */
function factsOf(company: Company | undefined, ctx: BuildContext): CardFact[] {
  if (company === undefined) return [];
  const facts: CardFact[] = [];
  const scale = scaleText(company, ctx);
  if (scale !== '') {
    const s = fieldSourced(company, company.revenue !== undefined ? 'revenue' : 'revenueBand', 'revenueBand', 'revenue');
    const year = company.revenueYear !== undefined && !scale.includes(String(company.revenueYear)) ? String(company.revenueYear) : '';
    const est = company.revenueEstimated === true || s.estimate ? L(ctx, '（估计）', ' (estimate)') : '';
    facts.push({ text: `${scale}${est}`, date: year !== '' ? year : s.date, source: s.source });
  }
  // HQ (also in the card's header) and ownership get a line only with their own source; otherwise the record's source
  // line at the foot of the card covers them, and the page stays one page.
  const hq = company.sources?.['hq'];
  if (hq !== undefined) facts.push({ text: `${L(ctx, '总部：', 'HQ: ')}${hqLabel(ctx, company.hq)}`, date: hq.asOf, source: hq.source });
  const own = company.sources?.['ownership'];
  if (own !== undefined) facts.push({ text: `${L(ctx, '所有制：', 'Ownership: ')}${t(ctx, OWNERSHIP_LABELS[company.ownership])}`, date: own.asOf, source: own.source });
  if (company.products !== undefined && company.products.length > 0) {
    const s = fieldSourced(company, 'products', 'segments');
    facts.push({ text: `${L(ctx, '主要产品：', 'Products: ')}${company.products.slice(0, 6).join(L(ctx, '、', ', '))}`, date: s.date, source: s.source });
  }
  // Lists that share a source are one fact; a list with its own source is dated and sourced by it. The stock code goes
  // with the 上市公司 label.
  const bySource = new Map<string, { date: string; source: string; labels: string[] }>();
  for (const l of company.lists ?? []) {
    const s = l === 'listed' ? fieldSourced(company, 'lists.listed', 'stockCode') : fieldSourced(company, `lists.${l}`);
    const key = `${s.date}\u0000${s.source}`;
    const entry = bySource.get(key) ?? { date: s.date, source: s.source, labels: [] };
    const label = t(ctx, COMPANY_LIST_LABELS[l]);
    entry.labels.push(l === 'listed' && company.stockCode !== undefined ? `${label} ${company.stockCode}` : label);
    bySource.set(key, entry);
  }
  for (const e of bySource.values()) facts.push({ text: e.labels.join(L(ctx, '、', ', ')), date: e.date, source: e.source });
  const group = groupFact(company, ctx);
  if (group !== undefined) facts.push(group);
  const signals = [...(company.signals ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  for (const s of signals.slice(0, 3)) facts.push({ text: `${t(ctx, SIGNAL_LABELS[s.type])}${L(ctx, '：', ': ')}${s.text}`, date: s.date, source: s.source });
  for (const tie of (company.ties ?? []).slice(0, 2)) facts.push({ text: `${t(ctx, TIE_LABELS[tie.type])}${L(ctx, '：', ': ')}${tie.text}`, date: tie.since ?? '', source: tie.source });
  return mergeSameSource(facts, ctx);
}

/** Facts with the same date and source become one line (their texts joined), in first-seen order. */
function mergeSameSource(facts: readonly CardFact[], ctx: BuildContext): CardFact[] {
  const out = new Map<string, CardFact>();
  for (const f of facts) {
    const key = `${f.date}\u0000${f.source}`;
    const prev = out.get(key);
    out.set(key, prev === undefined ? f : { ...prev, text: `${prev.text}${L(ctx, '｜', ' | ')}${f.text}` });
  }
  return [...out.values()];
}

function brokerOf(item: RankedItem, company: Company | undefined, partners: readonly LocalPartner[], sites: readonly SuggestedSite[], ctx: BuildContext): string {
  const ties = company?.ties ?? [];
  const m = item.approach.method;
  if (m === 'native-ties') {
    const n = ties.find((x) => x.type === 'native-entrepreneur');
    if (n !== undefined) return [n.person, n.chamber].filter((x): x is string => x !== undefined && x !== '').join(L(ctx, '、', ', '));
  }
  if (m === 'park' && sites[0] !== undefined && sites[0].park !== '') return sites[0].park;
  const tied = ties.map((x) => (x.enterprise !== undefined ? ctx.index.enterpriseById.get(x.enterprise) : undefined)).find((e) => e !== undefined);
  if (tied !== undefined) return nameOf(ctx, tied);
  if (m === 'via-local-firm' && partners[0] !== undefined) return partners[0].name;
  return '';
}

function sitesOf(partners: readonly PartnerCandidate[], segs: readonly string[], industry: string, ctx: BuildContext): SuggestedSite[] {
  const parks = ctx.index.dataset.parks ?? [];
  // Counties in the order of their strongest partner (a recorded tie first, then the heaviest supply link).
  const counties = new Map<string, string[]>();
  // A city-wide summary record (county = the city itself) names no place to land.
  const home = ctx.index.dataset.meta.home.city;
  for (const p of partners.slice(0, 8).filter((x) => x.e.county !== home)) counties.set(p.e.county, [...(counties.get(p.e.county) ?? []), nameOf(ctx, p.e)]);
  const ranked = [...counties.entries()];
  const fits = (p: Park): number => (p.segments?.some((s) => segs.includes(s)) === true ? 2 : p.industries?.includes(industry) === true ? 1 : 0);
  const sites: SuggestedSite[] = [];
  for (const [county, names] of ranked.slice(0, 2)) {
    const park = parks.filter((p) => p.county === county && fits(p) > 0).sort((a, b) => fits(b) - fits(a) || (a.id < b.id ? -1 : 1))[0];
    const who = names.slice(0, 3).join(L(ctx, '、', ', '));
    sites.push({
      county: countyLabel(ctx, county),
      park: park ? nameOf(ctx, park) : '',
      reason: park
        ? L(ctx, `本地关联企业${who}在此；${park.name}承载本产业`, `related local firm(s) ${who} here; ${nameOf(ctx, park)} hosts this industry`)
        : L(ctx, `本地关联企业${who}在此（未见对应园区记录）`, `related local firm(s) ${who} here (no matching park on record)`),
    });
  }
  if (sites.length === 0) {
    const park = parks.filter((p) => fits(p) > 0).sort((a, b) => fits(b) - fits(a) || (a.id < b.id ? -1 : 1))[0];
    if (park) sites.push({ county: countyLabel(ctx, park.county), park: nameOf(ctx, park), reason: L(ctx, '园区承载本产业（未见本地关联企业记录）', 'the park hosts this industry (no related local firm on record)') });
  }
  return sites;
}

/**
 * A key target's full card (issue 18), printed one per page: the summary card plus sourced facts with dates, local
 * partners with their relation (a recorded tie, a supply link, the same segment), distance and rail time, the named
 * broker of the suggested approach, suggested counties and parks, and evidence and freshness warnings.
 *
 * @param item - the ranked company
 * @param rank - its rank within the chapter
 * @param industry - the chapter's industry id
 * @param date - the handbook's date (freshness is judged against it, never the clock)
 * @example
 * keyTargetCard(items[0]!, 1, ctx, 'new-energy', '2026-11').partners.length; // ≤ 5
 */
export function keyTargetCard(item: RankedItem, rank: number, ctx: BuildContext, industry: string, date: string): KeyTargetCard {
  const base = targetCard(item, rank, ctx);
  const company = ctx.index.companyById.get(item.id);
  const segs = [...new Set([...(company?.segments ?? []), ...item.matchedGaps.map((g) => g.segment)])];
  const candidates = partnersOf(company, segs, ctx, industry);
  const partners: LocalPartner[] = candidates.slice(0, 5).map((p) => ({ id: p.e.id, name: nameOf(ctx, p.e), county: countyLabel(ctx, p.e.county), relation: p.relation }));
  const sites = sitesOf(candidates, segs, industry, ctx);
  const place = company ? placeOf(ctx, company.hq) : undefined;
  const home = ctx.index.dataset.meta.home;
  const warnings: string[] = [];
  if (company !== undefined) {
    if (company.confidence !== 'high') warnings.push(L(ctx, `企业记录可信度：${confidenceText(ctx, company.confidence)}；接洽前请核对原始来源`, `Record confidence: ${confidenceText(ctx, company.confidence)}; check the original source before contact`));
    const age = monthsOf(date) - monthsOf(company.asOf);
    if (age > STALE_MONTHS) warnings.push(L(ctx, `记录截至 ${company.asOf}，距本手册日期已超过 ${Math.floor(age / 12)} 年，请更新`, `Record as of ${company.asOf}, over ${Math.floor(age / 12)} years before this handbook; update it`));
    if (company.revenueEstimated === true) warnings.push(L(ctx, '营收为估计值', 'Revenue is an estimate'));
    else if (company.revenue === undefined) warnings.push(L(ctx, '营收仅知区间或未知', 'Revenue known as a band only, or unknown'));
    if (company.placement !== undefined && company.placement.status !== 'confirmed') warnings.push(L(ctx, '所属产业链环节未确认（按行业标签推断）', 'Place on the chain not confirmed (inferred from industry labels)'));
    for (const r of company.risks ?? []) warnings.push(`${t(ctx, RISK_LABELS[r.type])}（${t(ctx, RISK_LABELS[r.severity])}）${L(ctx, '：', ': ')}${r.text}${r.date !== undefined ? ` [${r.date}]` : ''}`);
  }
  if (partners.length === 0) warnings.push(L(ctx, '未见本地关联企业记录（不等于本地没有）', 'No related local firm on record (which does not mean there is none)'));
  return {
    ...base,
    industry,
    facts: factsOf(company, ctx),
    partners,
    distanceKm: place ? Math.round(haversineKm(home.lon, home.lat, place.lon, place.lat)) : null,
    railHours: place?.railHours !== undefined ? round(place.railHours, 1) : null,
    broker: brokerOf(item, company, partners, sites, ctx),
    sites,
    warnings,
    recordSource: company?.source ?? '',
    recordAsOf: company?.asOf ?? '',
    confidenceLabel: company ? confidenceText(ctx, company.confidence) : '',
  };
}
