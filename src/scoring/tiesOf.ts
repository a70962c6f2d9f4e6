import type { Company, Tie } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';

/** A tie of a company to the city: declared in `company.ties`, or derived from an enterprise's `parentCompanyId`. */
export interface CompanyTie {
  readonly type: Tie['type'];
  /** Local enterprise id, when the tie is to one. */
  readonly enterprise?: string;
  readonly text: string;
  readonly derived: boolean;
  /** When the tie began (declared ties that give it). */
  readonly since?: string;
  /** The native entrepreneur or chamber of commerce carrying a 乡贤 tie. */
  readonly person?: string;
  readonly chamber?: string;
}

/**
 * Every tie of a company: its own `ties`, plus a derived parent-of-local tie for each active local
 * enterprise whose `parentCompanyId` is the company (unless a declared parent tie already names it).
 *
 * @param company - the company
 * @param ctx - the scoring context
 * @returns the ties, declared first
 * @example
 * tiesOf(sinochem, ctx).map((t) => t.type); // ['parent-of-local']
 */
export function tiesOf(company: Company, ctx: ScoringContext): CompanyTie[] {
  const out: CompanyTie[] = (company.ties ?? []).map((t) => ({
    type: t.type,
    ...(t.enterprise !== undefined ? { enterprise: t.enterprise } : {}),
    text: t.text,
    derived: false,
    ...(t.since !== undefined ? { since: t.since } : {}),
    ...(t.person !== undefined ? { person: t.person } : {}),
    ...(t.chamber !== undefined ? { chamber: t.chamber } : {}),
  }));
  for (const e of ctx.childrenOf.get(company.id) ?? []) {
    if (out.some((t) => t.type === 'parent-of-local' && t.enterprise === e.id)) continue;
    out.push({ type: 'parent-of-local', enterprise: e.id, text: `${e.name}（${e.county}）的母公司`, derived: true });
  }
  return out;
}

