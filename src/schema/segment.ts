import * as z from 'zod';
import { Id, IndustryCodeFields, MAX_REVENUE, Stage, Text } from './common.js';
import { PolicyNote } from './correction.js';
import { OptionalProvenance } from './provenance.js';

/**
 * A benchmark relative to an upstream or downstream segment (就地转化率): the local revenue of this
 * segment at which presence is full is `share` × the local revenue of `segment`.
 *
 * @example
 * BenchmarkRelative.parse({ segment: 'nf-primary-aluminium', share: 0.3, note: '铝水就地转化率目标 30%' });
 */
export const BenchmarkRelative = z.object({
  /** The reference segment (usually the direct supplier or customer). */
  segment: Id,
  /** Target ratio of this segment's local revenue to the reference segment's, > 0 (0.3 = 30%). */
  share: z.number().positive().max(100, 'share must be ≤ 100 (比例不超过 100 倍)'),
  /** Why this ratio (policy target, judgement), quoted in reasons. */
  note: z.string().optional(),
});
export type BenchmarkRelative = z.infer<typeof BenchmarkRelative>;

/**
 * A chain segment (环节), a node of the chain graph. `keywords` (zh and en) tag companies to it
 * from their names, products and business scope (经营范围). `benchmarkRevenue` (亿元) is the local
 * revenue at which presence counts as full; without it the analysis uses its default benchmark.
 *
 * `industryCodes` are GB/T 4754-2017 (国民经济行业分类) codes, 2–4 digits: a firm whose 国标行业 code
 * (as in a 企查查 export, `C3252 铝压延加工` → `3252`) falls under one of them belongs here, unless it
 * falls under one of `excludeCodes`. Several segments may share a code (all bearing parts are 3451).
 *
 * @example
 * Segment.parse({ id: 'al-ingot', name: '电解铝', nameEn: 'Primary aluminium', industry: 'nonferrous',
 *   stage: 'upstream', keywords: ['电解铝', '铝锭', 'aluminium ingot'], industryCodes: ['3216'] });
 * @example
 * // all medical instruments (358) except 3587 眼镜制造
 * Segment.parse({ id: 'devices', name: '医疗器械', nameEn: 'Medical devices', industry: 'health',
 *   stage: 'downstream', keywords: ['医疗器械'], industryCodes: ['358'], excludeCodes: ['3587'] });
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
  /** GB/T 4754-2017 codes (2–4 digits) of the firms that belong here, e.g. `['3252']` for 铝板带箔. */
  industryCodes: IndustryCodeFields.industryCodes,
  /** Codes under one of `industryCodes` whose firms do not belong here, e.g. `['3587']` under `['358']`. */
  excludeCodes: IndustryCodeFields.excludeCodes,
  /** A benchmark revenue in 亿元; at most 100× the largest single-firm revenue (a whole national industry). */
  benchmarkRevenue: z.number().positive().max(100 * MAX_REVENUE, `benchmarkRevenue must be ≤ ${100 * MAX_REVENUE} (亿元) (基准营收不超过 ${100 * MAX_REVENUE} 亿元)`).optional(),
  /**
   * A benchmark relative to another segment (就地转化率): presence is full when the local revenue
   * reaches `share` × the local revenue of `segment` (e.g. 铝板带箔 against 信发's 电解铝). Used instead
   * of `benchmarkRevenue` whenever that segment has local revenue; `benchmarkRevenue` (or the default)
   * is the fallback when it has none. Added in issue 14.
   */
  benchmarkRelative: BenchmarkRelative.optional(),
  description: z.string().optional(),
  /** Policies that make the segment infeasible to attract here (负面清单, 两高, 产能置换 …): its gaps read 受限 (issue 14). */
  policy: z.array(PolicyNote).min(1).optional(),
  ...OptionalProvenance.shape,
});
export type Segment = z.infer<typeof Segment>;
