// The scenario format: plain, serialisable JSON validated with zod. A scenario is a list of changes
// applied in order to an immutable dataset (see applyScenario).
import * as z from 'zod';
import { Id, MAX_REVENUE, RevenueBand, Text } from '../schema/common.js';
import { Company } from '../schema/company.js';
import { Correction } from '../schema/correction.js';
import { Enterprise } from '../schema/enterprise.js';
import { AhpWeightsSpec, CustomWeights, EntropyWeightsSpec, WeightsName } from '../scoring/weightsSpec.js';

/** Size of a landing: local revenue in 亿元 (a number), or a revenue band. */
export const LandingSize = z.union([z.number().positive().max(MAX_REVENUE), RevenueBand]);
export type LandingSize = z.infer<typeof LandingSize>;

/**
 * A company lands (落地) in the city: it becomes a local enterprise on `segments` (default: the
 * company's own segments) in `county` (default: the home city), with local revenue `size` (亿元 or a
 * band; default `DEFAULT_LANDING_SIZE` capped at the company's own revenue). `company` is the id of a
 * dataset company or a whole company record (a firm not in the dataset).
 */
export const LandChange = z.strictObject({
  type: z.literal('land'),
  company: z.union([Id, Company]),
  segments: z.array(Id).min(1).optional(),
  size: LandingSize.optional(),
  county: Text.optional(),
  /** `operating` (default) or `under-construction` (counts at the gap analysis' under-construction weight). */
  status: z.enum(['operating', 'under-construction']).optional(),
});

/** A local enterprise is added as given (a new plant, a firm missing from the data). */
export const AddEnterpriseChange = z.strictObject({ type: z.literal('add-enterprise'), enterprise: Enterprise });

/**
 * A local enterprise closes (关停/外迁): its status becomes `closed`, so it no longer counts. With `segment`,
 * only that segment of the enterprise closes (its other segments keep their share of its revenue); with
 * `share` in (0, 1], only that share of its capacity closes (of the whole enterprise, or of `segment`).
 *
 * @example
 * CloseEnterpriseChange.parse({ type: 'close-enterprise', id: 'xinfa-group', segment: 'nf-primary-aluminium', share: 0.5 });
 */
export const CloseEnterpriseChange = z.strictObject({
  type: z.literal('close-enterprise'),
  id: Id,
  /** Close only this segment of the enterprise (an id among its `segments`). */
  segment: Id.optional(),
  /** Share of the capacity that closes, in (0, 1]; default 1 (all of it). */
  share: z.number().gt(0, 'share must be > 0 (关停比例须大于 0)').max(1, 'share must be ≤ 1 (关停比例不超过 1，即 100%)').optional(),
});

/** The city's priority of one industry or one segment (writes `dataset.meta.priorities`). */
export const SetPriorityChange = z
  .strictObject({ type: z.literal('set-priority'), industry: Id.optional(), segment: Id.optional(), weight: z.number().min(0).max(1) })
  .refine((c) => (c.industry === undefined) !== (c.segment === undefined), { message: 'give exactly one of industry or segment (industry 与 segment 须且只能给一个)', path: ['industry'] });

/** The ranking's feature weights: a preset name (or `entropy`), or custom / 熵权法 / AHP weights. */
export const SetWeightsChange = z
  .strictObject({ type: z.literal('set-weights'), preset: WeightsName.optional(), weights: z.union([EntropyWeightsSpec, AhpWeightsSpec, CustomWeights]).optional() })
  .refine((c) => (c.preset === undefined) !== (c.weights === undefined), { message: 'give exactly one of preset or weights (preset 与 weights 须且只能给一个)', path: ['preset'] });

/** Companies left out of the ranking: already signed, contacted, or not to be approached. */
export const ExcludeChange = z.strictObject({ type: z.literal('exclude'), companies: z.array(Id).min(1) });

/**
 * A correction entry is added to the dataset's corrections (issue 14): a segment becomes present, verified
 * absent, not to be pursued, or gets a priority — as the 链长 office would write it in corrections.json.
 *
 * @example
 * AddCorrectionChange.parse({ type: 'add-correction', correction: { id: 'x', segment: 'ch-pe-pvc-resin', kind: 'present', revenue: 30, author: '化工链长办', date: '2026-12', source: '走访' } });
 */
export const AddCorrectionChange = z.strictObject({ type: z.literal('add-correction'), correction: Correction });

/**
 * Corrections are switched off (issue 14): the entries `ids`, or all of them without `ids` — the picture
 * of the city as the data records it (`whatif --without-corrections`).
 *
 * @example
 * RemoveCorrectionsChange.parse({ type: 'remove-corrections', ids: ['present-pvc-xinfa-huaxing'] });
 */
export const RemoveCorrectionsChange = z.strictObject({ type: z.literal('remove-corrections'), ids: z.array(Id).min(1).optional() });

/** One change of a scenario, discriminated by `type`. */
export const Change = z.discriminatedUnion('type', [LandChange, AddEnterpriseChange, CloseEnterpriseChange, SetPriorityChange, SetWeightsChange, ExcludeChange, AddCorrectionChange, RemoveCorrectionsChange]);

/**
 * A what-if scenario: an optional name and description, and the changes, applied in order.
 *
 * @example
 * Scenario.parse({ name: '哈轴临清基地', changes: [{ type: 'land', company: 'harbin-bearing', segments: ['br-robot-bearing'], county: '临清市' }] });
 */
export const Scenario = z.strictObject({
  name: z.string().trim().min(1).optional(),
  description: z.string().optional(),
  changes: z.array(Change),
});

export type LandChange = z.infer<typeof LandChange>;
export type AddEnterpriseChange = z.infer<typeof AddEnterpriseChange>;
export type CloseEnterpriseChange = z.infer<typeof CloseEnterpriseChange>;
export type SetPriorityChange = z.infer<typeof SetPriorityChange>;
export type SetWeightsChange = z.infer<typeof SetWeightsChange>;
export type ExcludeChange = z.infer<typeof ExcludeChange>;
export type AddCorrectionChange = z.infer<typeof AddCorrectionChange>;
export type RemoveCorrectionsChange = z.infer<typeof RemoveCorrectionsChange>;
export type Change = z.infer<typeof Change>;
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as a caller writes it (before validation). */
export type ScenarioInput = z.input<typeof Scenario>;

/**
 * Local revenue (亿元) assumed for a landing without `size`: 10亿元, about what one 招大引强 project
 * (≥5亿元 investment) brings in yearly sales. Capped at the company's own revenue, so a small firm is
 * never assumed to open a plant larger than itself.
 */
export const DEFAULT_LANDING_SIZE = 10;
