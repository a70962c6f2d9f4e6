import * as z from 'zod';
import { GbIndustryCode, PartialDate, Text } from './common.js';

/**
 * Level of a vendor label: 申万 `L1`/`L2`/`L3`; a GB/T or 证监会 `section` (门类, a letter) or `division`
 * (大类, two digits); or a free `label` such as a 企查查 所属行业 term.
 */
export const ConcordanceLevel = z.enum(['L1', 'L2', 'L3', 'section', 'division', 'label']);
export type ConcordanceLevel = z.infer<typeof ConcordanceLevel>;

/**
 * One vendor label and the GB/T 4754-2017 codes its firms typically fall under. `code` is the vendor's own
 * code when it has one (申万 `270108`, 证监会 `C38`, 门类 `C`). An empty `gb` says the label has no
 * GB/T counterpart (e.g. 申万 综合 conglomerates); `note` explains judgement calls.
 *
 * @example
 * ConcordanceEntry.parse({ label: '半导体设备', code: '270108', level: 'L3', gb: ['3562'] });
 */
export const ConcordanceEntry = z.object({
  label: Text,
  code: z.string().trim().min(1).optional(),
  level: ConcordanceLevel.optional(),
  /** Parent label (申万 L1 of an L2, L2 of an L3), to tell apart equal names under different parents. */
  parent: z.string().trim().min(1).optional(),
  gb: z.array(GbIndustryCode),
  note: z.string().optional(),
});
export type ConcordanceEntry = z.infer<typeof ConcordanceEntry>;

/**
 * A concordance file (data/concordance/*.json): vendor industry labels (申万2021, Tushare, 证监会2012,
 * 企查查/天眼查/启信宝 所属行业) mapped to GB/T 4754-2017 codes. City-independent: a city's segments carry
 * GB/T codes (`industryCodes`), so vendor label → GB/T code → segment works for any dataset.
 *
 * @example
 * Concordance.parse({ description: 'demo', source: 'ours', licence: 'MIT', asOf: '2026-12',
 *   entries: [{ label: '银行', level: 'L1', gb: ['66'] }] });
 */
export const Concordance = z.object({
  description: Text,
  source: Text,
  licence: Text,
  asOf: PartialDate,
  entries: z.array(ConcordanceEntry).min(1),
});
export type Concordance = z.infer<typeof Concordance>;
