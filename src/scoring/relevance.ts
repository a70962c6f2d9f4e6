import type { Reason } from '../gaps/types.js';
import type { ChainModel } from '../model/chainModel.js';
import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';

/**
 * What relevance reads of a scoring context: the dataset index, the industry filter and which segment slots are in
 * scope. A scoring context is one; `cityScope` is the city's whole chain (no industry filter) without building one.
 */
export type RelevanceScope = Pick<ScoringContext, 'index' | 'industry' | 'segmentSlot' | 'inScope'>;

/**
 * The relevance scope of the city's whole chain (every segment in scope, no industry filter): the scope an unfiltered
 * ranking's context has, built from the chain model alone (one byte per segment). `relevanceValue(c, cityScope(m)) >
 * 0` says whether a company is chain-relevant to the city at all, whatever industry a ranking is filtered to: the
 * unknown-size pool is taken over those companies (`rankCompanies`).
 *
 * @param model - the dataset's chain model
 * @returns the scope
 * @example
 * relevanceValue(company, cityScope(chainModel(ds))) > 0; // relevant to some chain of the city
 */
export function cityScope(model: ChainModel): RelevanceScope {
  return { index: model.index, industry: undefined, segmentSlot: model.slotOf, inScope: new Uint8Array(model.segments.length).fill(1) };
}

/**
 * Chain relevance levels (see docs/methodology.md, “相关性闸门”). Relevance multiplies the whole score, so a
 * company with no relevance scores 0 whatever its size, and a company whose place on the chain is uncertain
 * keeps only part of its attractiveness.
 */
export const RELEVANCE = Object.freeze({
  /** On a segment in scope, placed by hand or with strong evidence (挂链已确认). */
  segment: 1,
  /** On a segment in scope, but placed on weak evidence only (挂链待核实). */
  uncertain: 0.6,
  /** Placed on an industry in scope but on none of its segments (挂到产业、未确认环节). */
  industry: 0.5,
  /** Not placed, but a declared company-level tie to a local enterprise on a segment in scope. */
  tie: 0.5,
});

/** The tie types that make an unplaced company chain-relevant (a supply, ownership or investment relation). */
export const CHAIN_TIES: ReadonlySet<string> = new Set(['parent-of-local', 'subsidiary-of-local', 'supplier-of-local', 'customer-of-local', 'existing-investment']);

/**
 * True when at least one of the company's segments is a known segment in scope (the industry filter): the test
 * both relevance and gap fit start from.
 *
 * @example
 * onScopedSegment({ ...company, segments: ['nf-al-sheet-foil'] }, ctx); // true
 */
export function onScopedSegment(company: Company, ctx: RelevanceScope): boolean {
  const segs = company.segments;
  if (segs === undefined) return false;
  for (let k = 0; k < segs.length; k++) {
    const slot = ctx.segmentSlot.get(segs[k]!);
    if (slot !== undefined && ctx.inScope[slot] === 1) return true;
  }
  return false;
}

function onScopedIndustry(company: Company, ctx: RelevanceScope): boolean {
  const inds = company.industries;
  if (inds === undefined) return false;
  for (let k = 0; k < inds.length; k++) if (ctx.industry === undefined ? ctx.index.industryById.has(inds[k]!) : inds[k] === ctx.industry) return true;
  return false;
}

/** The local enterprise a chain tie of the company names, when it sits on a segment in scope. */
function tiedScopedFirm(company: Company, ctx: RelevanceScope): string | undefined {
  const ties = company.ties;
  if (ties === undefined) return undefined;
  for (const t of ties) {
    if (!CHAIN_TIES.has(t.type) || t.enterprise === undefined) continue;
    const e = ctx.index.enterpriseById.get(t.enterprise);
    if (e === undefined || e.status === 'closed') continue;
    for (const s of e.segments) {
      const slot = ctx.segmentSlot.get(s);
      if (slot !== undefined && ctx.inScope[slot] === 1) return e.name;
    }
  }
  return undefined;
}

/**
 * Chain relevance of a company in [0, 1], the gate of the fit score: `RELEVANCE.segment` (1) on a segment in
 * scope, `RELEVANCE.uncertain` when that placement is only `uncertain`, `RELEVANCE.industry` when placed on an
 * industry in scope only, `RELEVANCE.tie` when unplaced but tied (parent, subsidiary, supplier, customer,
 * existing investment) to a local firm on a segment in scope, else 0. Off-chain placements are 0.
 *
 * @param company - the company
 * @param ctx - the scoring context (industry filter included), or another relevance scope (`cityScope`)
 * @returns the relevance
 * @example
 * relevanceValue({ ...bank, segments: undefined }, ctx); // 0
 */
export function relevanceValue(company: Company, ctx: RelevanceScope): number {
  if (company.placement?.status === 'off-chain') return 0;
  if (onScopedSegment(company, ctx)) return company.placement?.status === 'uncertain' ? RELEVANCE.uncertain : RELEVANCE.segment;
  if (onScopedIndustry(company, ctx)) return RELEVANCE.industry;
  if (company.ties !== undefined && tiedScopedFirm(company, ctx) !== undefined) return RELEVANCE.tie;
  return 0;
}

/**
 * Relevance with the reason that states it (no reason at full relevance: the gap-fit and synergy reasons say
 * where the company sits).
 *
 * @param company - the company
 * @param ctx - the scoring context
 * @returns the value and its reasons
 * @example
 * explainRelevance(bank, ctx).reasons[0]?.zh; // '与本市产业链无关：未挂上任何环节或产业，也无本地企业关系，总分记 0'
 */
export function explainRelevance(company: Company, ctx: ScoringContext): { value: number; reasons: Reason[] } {
  const value = relevanceValue(company, ctx);
  const scope = ctx.industry === undefined ? '本市产业链' : `产业“${ctx.index.industryById.get(ctx.industry)?.name ?? ctx.industry}”`;
  const scopeEn = ctx.industry === undefined ? "the city's chains" : `industry "${ctx.index.industryById.get(ctx.industry)?.nameEn ?? ctx.industry}"`;
  if (value === 0) {
    const why = company.placement?.status === 'off-chain' ? '所属行业不在任何产业链上' : '未挂上任何环节或产业，也无本地企业关系';
    const whyEn = company.placement?.status === 'off-chain' ? 'its industry lies outside every chain' : 'placed on no segment or industry and no tie to a local firm';
    return { value, reasons: [{ code: 'relevance.none', zh: `与${scope}无关：${why}，总分记 0`, en: `unrelated to ${scopeEn}: ${whyEn}; score 0` }] };
  }
  if (value === RELEVANCE.segment) return { value, reasons: [] };
  const pct = `${Math.round(value * 100)}%`;
  if (onScopedSegment(company, ctx)) {
    return { value, reasons: [{ code: 'relevance.uncertain', zh: `挂链证据较弱（待核实），总分按 ${pct} 计`, en: `weak placement evidence (to be checked): score counted at ${pct}` }] };
  }
  if (onScopedIndustry(company, ctx)) {
    return { value, reasons: [{ code: 'relevance.industry', zh: `只挂到产业、未确认具体环节，总分按 ${pct} 计`, en: `placed on an industry but on no confirmed segment: score counted at ${pct}` }] };
  }
  const firm = tiedScopedFirm(company, ctx) ?? '';
  return { value, reasons: [{ code: 'relevance.tie', zh: `未挂链，但与本地企业“${firm}”有直接关系，总分按 ${pct} 计`, en: `not placed, but tied to local firm "${firm}": score counted at ${pct}` }] };
}
