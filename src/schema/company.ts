import * as z from 'zod';
import { Confidence, Id, PartialDate, RevenueFields, Text } from './common.js';
import { FieldSources, Provenance } from './provenance.js';

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

/**
 * A tie to the city, a fact with its source (and date when known): the 以商招商 and 乡贤招商 paths. `enterprise` is
 * a local enterprise id when the tie is to one. `same-group` is a sister company under a common owner (同属一个集团):
 * a weaker tie than a supply or ownership relation. `native-entrepreneur` (乡贤) names the `person` (founder or
 * chair born in the city) or the `chamber` (e.g. 聊城商会 in another city) that carries it. `since` dates the tie:
 * a backtest drops ties that the landing it tests created.
 *
 * @example
 * Tie.parse({ type: 'customer-of-local', enterprise: 'jindi-precision', text: '金帝股份招股书所列保持器客户', source: '金帝股份招股说明书', since: '2021' });
 */
export const Tie = z.object({
  type: z.enum([
    'parent-of-local',
    'subsidiary-of-local',
    'supplier-of-local',
    'customer-of-local',
    'partner-of-local',
    'same-group',
    'native-entrepreneur',
    'existing-investment',
  ]),
  enterprise: Id.optional(),
  text: Text,
  source: Text,
  since: PartialDate.optional(),
  person: z.string().max(200).optional(),
  chamber: z.string().max(200).optional(),
  /**
   * How `since` was found when the source does not give the start of the tie: e.g. the date of the document that
   * attests it ("at the latest then"). Not shown in reasons.
   */
  sinceBasis: z.string().optional(),
  /** How sure the tie is; an undated tie or one whose source a reader cannot follow is `low` (issue 17). */
  confidence: Confidence.optional(),
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

/**
 * An industry classification of a company as an export states it, one level per entry (never concatenated):
 * GB/T 4754-2017 国民经济行业分类 (level 1 门类 … 4 小类), 申万2021 (levels 1–3), 证监会 2012, or a data vendor's
 * own label (企查查行业, 所属行业 …). `code` when the cell gave one ('C3252'), `name` when it gave words.
 *
 * @example
 * IndustryLabel.parse({ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' });
 */
export const IndustryLabel = z.object({
  scheme: z.enum(['gb4754', 'sw2021', 'csrc2012', 'vendor']),
  level: z.number().int().min(1).max(4).optional(),
  code: z.string().max(16).optional(),
  name: z.string().max(200).optional(),
});
export type IndustryLabel = z.infer<typeof IndustryLabel>;

/** What one piece of placement evidence rests on: the field, the text found there, and what it matched. */
export const PlacementEvidence = z.object({
  /** The company field: industryCode, industryLabels (with scheme), products, businessScope, name. */
  field: z.string(),
  /** The text of the field that carried the signal. */
  text: z.string(),
  /** What it matched: a GB/T code, a segment keyword, a segment or industry name. */
  matched: z.string(),
});
export type PlacementEvidence = z.infer<typeof PlacementEvidence>;

/**
 * Where an imported company sits on the city's chains (挂链) and how sure that is: `confirmed` (at least one
 * industry, and the segments in `segments`, rest on strong evidence), `uncertain` (only weak evidence: check by
 * hand), `off-chain` (its industry lies clearly outside every chain: finance, property, media …; kept, shown,
 * and left out of ranking by default). `score` in [0, 1] is the strength of the best evidence.
 *
 * @example
 * Placement.parse({ status: 'confirmed', score: 0.86, evidence: [{ field: 'industryLabels.gb4754', text: 'C3252 铝压延加工', matched: '3252' }] });
 */
export const Placement = z.object({
  status: z.enum(['confirmed', 'uncertain', 'off-chain']),
  score: z.number().min(0).max(1),
  evidence: z.array(PlacementEvidence),
});
export type Placement = z.infer<typeof Placement>;

/** Headquarters location; `country` defaults to 中国. Province and city as in `cities.json` (e.g. 广东省 / 深圳市). When only the province is known, `city` repeats the province (as for 北京市). */
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
  /** Industry classifications as the source gave them, one level per entry. */
  industryLabels: z.array(IndustryLabel).optional(),
  /** Industries of the dataset the company belongs to, main first (set by placement or by hand). */
  industries: z.array(Id).optional(),
  /** How the company was placed on the chains (挂链) and how sure that is; absent for hand-curated records. */
  placement: Placement.optional(),
  /** Headquarters in the dataset's own city: a local enterprise (a 以商招商 resource), not an investment target. */
  local: z.boolean().optional(),
  ...RevenueFields,
  /** Registered capital in 亿元 (注册资本), converted from the currency given. */
  registeredCapital: z.number().nonnegative().finite().max(100_000).optional(),
  /** Staff (参保人数 or 员工人数). */
  employees: z.number().int().nonnegative().max(10_000_000).optional(),
  growth: z.number().min(-1).max(100).optional(),
  lists: z.array(CompanyList).optional(),
  stockCode: z.string().optional(),
  signals: z.array(Signal).optional(),
  ties: z.array(Tie).optional(),
  risks: z.array(Risk).optional(),
  note: z.string().optional(),
  /**
   * The id of this company's parent group when the group is itself a record of `companies.json`
   * (group ↔ subsidiary, issue 17): ranking and handbook show the two together instead of as two unrelated targets.
   */
  parent: Id.optional(),
  /** The name of the group the company belongs to (集团), whether or not the group has a record of its own. */
  group: z.string().trim().min(1).max(200).optional(),
  /** Per-field sources beside the record-level `source` (issue 17). */
  sources: FieldSources.optional(),
  ...Provenance.shape,
});
export type Company = z.infer<typeof Company>;
