import type { GeneratedName } from './companies.js';
import type { Rng } from './rng.js';
import { TRADE_NAME_CHARS } from './vocabulary.js';

/** A name to look up, with the id it should find (undefined when the firm is not in the list). */
export interface NameQuery {
  readonly query: string;
  readonly expected: string | undefined;
  readonly variant: 'exact' | 'no-legal-form' | 'alias' | 'typo' | 'other-place' | 'absent';
}

/**
 * Queries for the matching benchmark, as an analyst's list would hold them: 60% name a listed firm
 * (exact 15%, legal form dropped 15%, an alias 10%, one character mistyped 10%, place prefix changed 10%),
 * 40% name a firm that is not in the list.
 *
 * @param names - the indexed names
 * @param count - number of queries
 * @param rng - the draws
 * @returns the queries with the expected ids
 */
export function nameQueries(names: readonly GeneratedName[], count: number, rng: Rng): NameQuery[] {
  const out: NameQuery[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const n = rng.pick(names);
    const p = n.parts;
    if (r < 0.15) out.push({ query: n.name, expected: n.id, variant: 'exact' });
    else if (r < 0.3) out.push({ query: `${p.place}${p.tradeName}${p.industryWord}`, expected: n.id, variant: 'no-legal-form' });
    else if (r < 0.4) out.push({ query: rng.pick(n.aliases), expected: n.id, variant: 'alias' });
    else if (r < 0.5) {
      const chars = Array.from(n.name);
      const at = rng.int(0, chars.length - 1);
      chars[at] = rng.pick(TRADE_NAME_CHARS);
      out.push({ query: chars.join(''), expected: n.id, variant: 'typo' });
    } else if (r < 0.6) out.push({ query: `${p.place.length > 0 ? '' : '山东'}${p.tradeName}${p.industryWord}${p.legalForm}`, expected: n.id, variant: 'other-place' });
    else {
      let trade = '';
      for (let k = 0; k < 4; k++) trade += rng.pick(TRADE_NAME_CHARS);
      out.push({ query: `${trade}${p.industryWord}${p.legalForm}`, expected: undefined, variant: 'absent' });
    }
  }
  return out;
}
