import * as z from 'zod';
import { Id, Text } from './common.js';
import { Provenance } from './provenance.js';

/** Where a project stands: 谋划/在谈 (planned), 已签约 (signed), 在建 (under-construction), 投产 (operating). */
export const ProjectStage = z.enum(['planned', 'signed', 'under-construction', 'operating']);
export type ProjectStage = z.infer<typeof ProjectStage>;

/**
 * A 重点项目 (key investment project) of the city, as published (optional file `projects.json`, issue 18).
 * `segment` is the chain segment it builds on; `county` a county-level unit of `cities.json`; `amount` the
 * announced total investment in 亿元 (omit it when no source states one; never estimate silently —
 * `amountEstimated: true` when the figure is an estimate); `investor` only when a source names it.
 *
 * @example
 * Project.parse({ id: 'linqing-bearing-park', name: '临清高端轴承产业园', segment: 'br-precision-bearing',
 *   amount: 40, stage: 'under-construction', county: '临清市', source: 'liaocheng.dzwww.com 2024-01-15',
 *   confidence: 'medium', asOf: '2024-01' });
 */
export const Project = z.object({
  id: Id,
  name: Text,
  nameEn: z.string().optional(),
  segment: Id,
  investor: z.string().optional(),
  /** Announced total investment, 亿元. */
  amount: z.number().positive().max(100_000, 'amount must be ≤ 100000 (亿元); check the unit (投资额不超过 100000 亿元，请检查单位)').optional(),
  amountEstimated: z.boolean().optional(),
  /** Omitted when no source states it. */
  stage: ProjectStage.optional(),
  county: Text,
  park: z.string().optional(),
  note: z.string().optional(),
  url: z.string().optional(),
  ...Provenance.shape,
});
export type Project = z.infer<typeof Project>;
