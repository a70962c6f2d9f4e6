import * as z from 'zod';
import { Confidence, Id, PartialDate } from './common.js';

/** How a link weight was obtained: derived from the national input-output table, or expert judgement. */
export const LinkBasis = z.enum(['io-table', 'judgement']);
export type LinkBasis = z.infer<typeof LinkBasis>;

/**
 * A supply link (graph edge): `from` supplies `to` with a weight in (0, 1] (share of `to`'s inputs
 * that come from `from`, scaled). Cross-industry links are allowed.
 *
 * @example
 * Link.parse({ from: 'al-ingot', to: 'al-extrusion', weight: 0.6, basis: 'judgement' });
 */
export const Link = z.object({
  from: Id,
  to: Id,
  weight: z.number().gt(0, 'weight must be > 0 (权重须大于 0)').max(1, 'weight must be ≤ 1 (权重须不大于 1)'),
  basis: LinkBasis.optional(),
  ioCoefficient: z.number().nonnegative().max(10, 'ioCoefficient must be ≤ 10 (投入产出系数不超过 10)').optional(),
  source: z.string().optional(),
  confidence: Confidence.optional(),
  asOf: PartialDate.optional(),
  note: z.string().optional(),
});
export type Link = z.infer<typeof Link>;
