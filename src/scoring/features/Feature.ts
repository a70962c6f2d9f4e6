import type { Company } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import type { FeatureName, FeatureResult } from '../types.js';

/**
 * A feature of the fit score. `value` is the fast path used for every candidate in the columnar pass;
 * `explain` gives the same value with the reasons that quote the data, and runs only for returned items.
 * A test checks that both agree for every company.
 */
export interface Feature {
  readonly name: FeatureName;
  value(company: Company, ctx: ScoringContext): number;
  explain(company: Company, ctx: ScoringContext): FeatureResult;
}
