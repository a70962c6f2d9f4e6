import type { Company } from '../schema/company.js';
import type { Dataset } from '../schema/dataset.js';
import { createNameIndex, type NameSearchOptions } from './createNameIndex.js';
import type { MatchedOn } from './types.js';

/** A company found by `findCompanies`. */
export interface FoundCompany {
  readonly company: Company;
  /** In [0, 1]; 1 when the query has the same key as the name or an alias. */
  readonly score: number;
  readonly matchedOn: MatchedOn;
}

/**
 * Search a dataset's target companies by name, alias or pinyin (fuse.js behind an n-gram block):
 * '宁德时代', '寧德時代', 'ningdeshidai' and 'ndsd' all find 宁德时代新能源科技股份有限公司.
 * For repeated searches over a large list, build `createNameIndex` once instead.
 *
 * @param dataset - the dataset whose `companies` are searched (its cities are stripped from names as places)
 * @param query - a name, part of one, or pinyin
 * @param options - `{ limit, minScore }`
 * @returns matches, score desc then id asc
 * @example
 * findCompanies(liaocheng(), '宁德时代')[0]?.company.id;
 */
export function findCompanies(dataset: Pick<Dataset, 'companies' | 'cities'>, query: string, options?: NameSearchOptions): FoundCompany[] {
  const index = createNameIndex(dataset.companies, { places: dataset.cities.map((c) => c.name) });
  return index.search(query, options).map((m) => ({ company: dataset.companies[m.index]!, score: m.score, matchedOn: m.matchedOn }));
}
