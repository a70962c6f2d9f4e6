import { liaocheng } from '../../src/dataset/liaocheng.js';
import type { Dataset } from '../../src/schema/index.js';
import { generateCompanies } from './companies.js';
import { createRng } from './rng.js';
import { generateTaxonomy, type Taxonomy } from './taxonomy.js';

/** The shape of a generated dataset. */
export interface DatasetSpec {
  readonly companies: number;
  readonly segments: number;
  readonly links: number;
  readonly seed?: number;
}

/** Named sizes of the issue. S is the embedded 聊城 data itself (not generated). */
export const SIZES = {
  M: { companies: 10_000, segments: 1_000, links: 5_000 },
  L: { companies: 1_000_000, segments: 10_000, links: 50_000 },
} as const satisfies Record<string, DatasetSpec>;

/** A size name: S (聊城), M or L. */
export type SizeName = 'S' | keyof typeof SIZES;

/** Default seed of every generator (issue 9). */
export const DEFAULT_SEED = 9;

/**
 * The chain taxonomy (everything but companies) of a spec; same seed, same taxonomy.
 *
 * @example
 * generateTaxonomyFor(SIZES.M).segments.length; // 1000
 */
export function generateTaxonomyFor(spec: DatasetSpec): Taxonomy {
  return generateTaxonomy(liaocheng(), spec.segments, spec.links, createRng((spec.seed ?? DEFAULT_SEED) * 7919 + spec.segments));
}

/**
 * A synthetic dataset shaped like the embedded one, built directly in memory (valid by construction; a
 * test runs it through `parseDataset`). Deterministic for a given spec and seed.
 *
 * @param spec - companies, segments, links and seed
 * @returns the dataset (not frozen, not validated)
 * @example
 * const ds = generateDataset(SIZES.M); ds.companies.length; // 10000
 */
export function generateDataset(spec: DatasetSpec): Dataset {
  const tax = generateTaxonomyFor(spec);
  const companies = generateCompanies(tax, liaocheng(), spec.companies, createRng((spec.seed ?? DEFAULT_SEED) * 104729 + spec.companies), {}).map((g) => g.company);
  return { meta: tax.meta, industries: tax.industries, segments: tax.segments, links: tax.links, enterprises: tax.enterprises, companies, cities: tax.cities };
}

/**
 * The dataset of a named size: S is `liaocheng()`, M and L are generated.
 *
 * @example
 * datasetOfSize('S').meta.id; // 'liaocheng'
 */
export function datasetOfSize(size: SizeName): Dataset {
  return size === 'S' ? liaocheng() : generateDataset(SIZES[size]);
}

/**
 * The taxonomy of a spec as a dataset without target companies: what gap analysis reads (it never
 * looks at companies), so gap benchmarks skip generating a million companies.
 *
 * @example
 * analyzeGaps(taxonomyDataset(SIZES.L)).segments.length; // 10000
 */
export function taxonomyDataset(spec: Omit<DatasetSpec, 'companies'>): Dataset {
  const tax = generateTaxonomyFor({ ...spec, companies: 0 });
  return { meta: tax.meta, industries: tax.industries, segments: tax.segments, links: tax.links, enterprises: tax.enterprises, companies: [], cities: tax.cities };
}
