import { createKeywordTagger, type TaggingDataset, type TagOptions } from './createKeywordTagger.js';
import type { SegmentCandidate, TaggableCompany } from './types.js';

/**
 * Place one company on chain segments (挂链) from its products, business scope, industry and name,
 * using each segment's keywords. For many companies build the index once with `createKeywordTagger`.
 *
 * @param company - at least a name; products, business scope and industry make tags stronger
 * @param dataset - a dataset (only `segments` is read)
 * @param options - thresholds and weights (see `TagOptionsSchema`)
 * @returns scored candidates, best first, each with status and evidence (which word matched where)
 * @throws {UsageError} OPTIONS_INVALID when options are malformed
 * @example
 * tagSegments({ name: '某新材料公司', products: ['锂电铜箔'] }, liaocheng())[0];
 * // { segment: 'nf-copper-foil', industry: 'nonferrous', score: 0.63, status: 'confirmed', evidence: [{ field: 'products', keyword: '锂电铜箔', text: '锂电铜箔' }] }
 */
export function tagSegments(company: TaggableCompany, dataset: TaggingDataset, options?: TagOptions): SegmentCandidate[] {
  return createKeywordTagger(dataset, options).tag(company);
}
