import type { Company, CompanyList, Enterprise, Signal } from '../schema/index.js';
import type { ScoringContext, SynergyLink } from './buildScoringContext.js';
import { TOP_500_LISTS } from './labels.js';
import { tiesOf, type CompanyTie } from './tiesOf.js';

/** A chain link strong enough (weight × local presence ≥ this) to court a company through the anchor firm on it. */
export const STRONG_LINK = 0.6;

/** Tie types that are a company-level relation to a local firm (the 以商招商 path). */
const RELATION_TIES: ReadonlySet<CompanyTie['type']> = new Set(['parent-of-local', 'subsidiary-of-local', 'supplier-of-local', 'customer-of-local', 'partner-of-local', 'existing-investment']);

/** A tie to a named local firm that can carry 以商招商: the tie and the firm. */
export interface BrokerTie extends CompanyTie {
  /** The local firm's name (a real operating firm, never a cluster or park aggregate). */
  readonly firm: string;
}

/** The facts the 招商方式 rules read, gathered from the data for one company. */
export interface ApproachFacts {
  /**
   * Company-level ties to a named, real local firm (parent, subsidiary, supplier, customer, partner, existing
   * investment; a sister company under a common owner only when its business is related to the local firm's).
   */
  readonly localTies: readonly BrokerTie[];
  /** Native-entrepreneur ties (乡贤). */
  readonly nativeTies: readonly CompanyTie[];
  /** The 三类500强 lists the company is on. */
  readonly top500: readonly CompanyList[];
  /**
   * The strongest specific link (see `isSpecificLink`) of its main segment (the first in scope) to a present local
   * segment with an anchor firm (链主 or ≥ 100亿元, a single operating firm), when strong enough: a potential link,
   * not a relation.
   */
  readonly strongLink?: SynergyLink & { readonly segment: string };
  readonly listed: boolean;
  readonly stockCode?: string;
  /** A financing or IPO signal (fund-backed). */
  readonly funding?: Signal;
  /** HQ city and how many of the leading targets share it (itself included). */
  readonly hqCity: string;
  readonly sameCityTargets: number;
  /** The priority regions its HQ lies in. */
  readonly regions: readonly string[];
  readonly placeKnown: boolean;
  readonly foreign: boolean;
}

/** A single operating local firm (not a cluster or park aggregate, not closed). */
function realFirm(e: Enterprise | undefined): e is Enterprise {
  return e !== undefined && (e.firms ?? 1) === 1 && e.status !== 'closed';
}

/** True when the company's business touches the local firm's: a shared industry, or a link between their segments. */
function related(company: Company, firm: Enterprise, ctx: ScoringContext): boolean {
  const own = company.segments ?? [];
  const industries = new Set(own.map((s) => ctx.index.segmentById.get(s)?.industry).filter((x) => x !== undefined));
  for (const i of company.industries ?? []) industries.add(i);
  if (firm.segments.some((s) => industries.has(ctx.index.segmentById.get(s)?.industry ?? ''))) return true;
  const mine = new Set(own);
  const theirs = new Set(firm.segments);
  return ctx.index.dataset.links.some((l) => (mine.has(l.from) && theirs.has(l.to)) || (mine.has(l.to) && theirs.has(l.from)));
}

function brokerTies(company: Company, ties: readonly CompanyTie[], ctx: ScoringContext): BrokerTie[] {
  const out: BrokerTie[] = [];
  for (const t of ties) {
    if (t.enterprise === undefined) continue;
    const firm = ctx.index.enterpriseById.get(t.enterprise);
    if (!realFirm(firm)) continue;
    if (RELATION_TIES.has(t.type) || (t.type === 'same-group' && related(company, firm, ctx))) out.push({ ...t, firm: firm.name });
  }
  return out;
}

/**
 * Gather the facts the 招商方式 rules read, for one company.
 *
 * @param company - the company
 * @param ctx - the scoring context
 * @param sameCityTargets - how many of the leading targets share its HQ city (itself included)
 * @returns the facts
 * @example
 * suggestApproach(approachFacts(company, ctx, 1)).method; // 'via-local-firm'
 */
export function approachFacts(company: Company, ctx: ScoringContext, sameCityTargets: number): ApproachFacts {
  const allTies = tiesOf(company, ctx);
  // The potential link runs through the company's main segment (its first in scope), not through a side line:
  // a carmaker is not courted as a supplier of tricycle parts because it also makes electric drives.
  let strongLink: (SynergyLink & { segment: string }) | undefined;
  for (const id of company.segments ?? []) {
    const slot = ctx.segmentSlot.get(id);
    if (slot === undefined || ctx.inScope[slot] === 0) continue;
    const link = ctx.anchorLink[slot];
    if (link !== undefined && link.weight * link.presence >= STRONG_LINK) strongLink = { ...link, segment: id };
    break;
  }
  const facts = ctx.placeOf(company.hq);
  const funding = (company.signals ?? []).filter((s) => s.type === 'financing' || s.type === 'ipo').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  return {
    localTies: brokerTies(company, allTies, ctx),
    nativeTies: allTies.filter((t) => t.type === 'native-entrepreneur'),
    top500: TOP_500_LISTS.filter((l) => company.lists?.includes(l) === true),
    ...(strongLink !== undefined ? { strongLink } : {}),
    listed: company.stockCode !== undefined || company.lists?.includes('listed') === true,
    ...(company.stockCode !== undefined ? { stockCode: company.stockCode } : {}),
    ...(funding !== undefined ? { funding } : {}),
    hqCity: company.hq.city,
    sameCityTargets,
    regions: facts?.regions ?? [],
    placeKnown: facts !== undefined,
    foreign: (company.hq.country !== undefined && company.hq.country !== '中国') || facts?.place.level === 'foreign',
  };
}
