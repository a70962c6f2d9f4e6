import * as z from 'zod';
import { Id, MAX_REVENUE, Stage, Text } from './common.js';
import { OptionalProvenance } from './provenance.js';

/**
 * A chain segment (环节), a node of the chain graph. `keywords` (zh and en) tag companies to it
 * from their names, products and business scope (经营范围). `benchmarkRevenue` (亿元) is the local
 * revenue at which presence counts as full; without it the analysis uses its default benchmark.
 *
 * @example
 * Segment.parse({ id: 'al-ingot', name: '电解铝', nameEn: 'Primary aluminium', industry: 'nonferrous',
 *   stage: 'upstream', keywords: ['电解铝', '铝锭', 'aluminium ingot'] });
 */
export const Segment = z.object({
  id: Id,
  name: Text,
  nameEn: Text,
  industry: Id,
  subDirection: Id.optional(),
  stage: Stage,
  keywords: z.array(Text).min(1),
  strategic: z.boolean().optional(),
  /** A named group across or within industries (e.g. 氢能, 低空经济, 人工智能) used by 建链 analysis. */
  group: z.string().optional(),
  ioSector: z.string().optional(),
  /** A benchmark revenue in 亿元; at most 100× the largest single-firm revenue (a whole national industry). */
  benchmarkRevenue: z.number().positive().max(100 * MAX_REVENUE, `benchmarkRevenue must be ≤ ${100 * MAX_REVENUE} (亿元) (基准营收不超过 ${100 * MAX_REVENUE} 亿元)`).optional(),
  description: z.string().optional(),
  ...OptionalProvenance.shape,
});
export type Segment = z.infer<typeof Segment>;
