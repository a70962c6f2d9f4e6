import * as z from 'zod';
import { Id, PartialDate, RevenueFields, Text } from './common.js';
import { Provenance } from './provenance.js';

/** Ownership type (所有制). */
export const Ownership = z.enum(['central-soe', 'local-soe', 'private', 'foreign', 'mixed']);
export type Ownership = z.infer<typeof Ownership>;

/** Lists a company belongs to: 三类500强 and others. */
export const CompanyList = z.enum([
  'fortune-global-500',
  'china-500',
  'china-private-500',
  'china-manufacturing-500',
  'specialized-little-giant',
  'listed',
]);
export type CompanyList = z.infer<typeof CompanyList>;

/** A dated, sourced expansion signal (new plant, capex, financing …). A signal without a source is not a signal. */
export const Signal = z.object({
  type: z.enum(['new-plant', 'capex', 'financing', 'expansion', 'ipo', 'merger', 'growth', 'other']),
  date: PartialDate,
  text: Text,
  source: Text,
});
export type Signal = z.infer<typeof Signal>;

/** A tie to the city: the 以商招商 and 乡贤招商 paths. `enterprise` is a local enterprise id when the tie is to one. */
export const Tie = z.object({
  type: z.enum([
    'parent-of-local',
    'subsidiary-of-local',
    'supplier-of-local',
    'customer-of-local',
    'partner-of-local',
    'native-entrepreneur',
    'existing-investment',
  ]),
  enterprise: Id.optional(),
  text: Text,
  source: Text,
});
export type Tie = z.infer<typeof Tie>;

/** A risk flag (subtracted in scoring): distress, litigation, overcapacity … */
export const Risk = z.object({
  type: z.enum(['distress', 'litigation', 'environmental', 'overcapacity', 'sanctions', 'other']),
  severity: z.enum(['low', 'medium', 'high']),
  date: PartialDate.optional(),
  text: Text,
  source: Text,
});
export type Risk = z.infer<typeof Risk>;

/** Headquarters location; `country` defaults to 中国. Province and city as in `cities.json` (e.g. 广东省 / 深圳市). */
export const HqLocation = z.object({
  country: z.string().optional(),
  province: Text,
  city: Text,
});
export type HqLocation = z.infer<typeof HqLocation>;

/**
 * A target company (招商目标企业). Segments may be omitted when the company is to be tagged
 * (挂链) from its products and business scope.
 *
 * @example
 * Company.parse({ id: 'catl', name: '宁德时代新能源科技股份有限公司', hq: { province: '福建省', city: '宁德市' },
 *   ownership: 'private', segments: ['battery-cell'], revenueBand: '>=5000', lists: ['listed', 'fortune-global-500'],
 *   source: 'annual report 2024', confidence: 'high', asOf: '2025' });
 */
export const Company = z.object({
  id: Id,
  name: Text,
  nameEn: z.string().optional(),
  aliases: z.array(Text).optional(),
  hq: HqLocation,
  ownership: Ownership,
  segments: z.array(Id).optional(),
  products: z.array(Text).optional(),
  businessScope: z.string().optional(),
  industryCode: z.string().optional(),
  ...RevenueFields,
  growth: z.number().min(-1).max(100).optional(),
  lists: z.array(CompanyList).optional(),
  stockCode: z.string().optional(),
  signals: z.array(Signal).optional(),
  ties: z.array(Tie).optional(),
  risks: z.array(Risk).optional(),
  note: z.string().optional(),
  ...Provenance.shape,
});
export type Company = z.infer<typeof Company>;
