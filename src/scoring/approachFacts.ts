import type { Company, CompanyList, Signal } from '../schema/index.js';
import type { ScoringContext, SynergyLink } from './buildScoringContext.js';
import { TOP_500_LISTS } from './labels.js';
import { tiesOf, type CompanyTie } from './tiesOf.js';

/** A chain link strong enough (weight × local presence ≥ this) to court a company through the anchor firm on it. */
export const STRONG_LINK = 0.6;

/** The facts the 招商方式 rules read, gathered from the data for one company. */
export interface ApproachFacts {
  /** Ties to local firms (parent, subsidiary, supplier, customer, partner, existing investment). */
  readonly localTies: readonly CompanyTie[];
  /** Native-entrepreneur ties (乡贤). */
  readonly nativeTies: readonly CompanyTie[];
  /** The 三类500强 lists the company is on. */
  readonly top500: readonly CompanyList[];
  /** Its strongest link to a present local segment with an anchor firm (链主 or ≥ 100亿元), when strong enough. */
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
  let strongLink: (SynergyLink & { segment: string }) | undefined;
  for (const id of company.segments ?? []) {
    const slot = ctx.segmentSlot.get(id);
    if (slot === undefined || ctx.inScope[slot] === 0) continue;
    const link = ctx.anchorLink[slot];
    if (link === undefined || link.weight * link.presence < STRONG_LINK) continue;
    if (strongLink === undefined || link.weight * link.presence > strongLink.weight * strongLink.presence) strongLink = { ...link, segment: id };
  }
  const facts = ctx.placeOf(company.hq);
  const funding = (company.signals ?? []).filter((s) => s.type === 'financing' || s.type === 'ipo').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  return {
    localTies: allTies.filter((t) => t.type !== 'native-entrepreneur'),
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
