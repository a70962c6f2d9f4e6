import * as z from 'zod';
import { Confidence, Id, MAX_REVENUE, PartialDate, RevenueBand, Text } from './common.js';

/**
 * Why a segment is not to be pursued (issue 14, 可行性): a policy that forbids or caps new capacity here.
 * - `negative-list` 负面清单 (市场准入负面清单 / 产业结构调整指导目录 淘汰、限制类);
 * - `high-energy` 两高 (高耗能、高排放 projects: 能耗双控, 环评 and 减量替代);
 * - `capacity-capped` 产能置换 / 产能天花板 (new capacity only against retired capacity, or a national cap);
 * - `needs-port` 无港口 (needs a sea or river port the city lacks);
 * - `entry-restricted` 准入 (a licence or a national 准入 list the city cannot obtain for a newcomer);
 * - `restricted` any other stated restriction (say which in `rule`).
 *
 * @example
 * PolicyStatus.parse('capacity-capped');
 */
export const PolicyStatus = z.enum(['negative-list', 'high-energy', 'capacity-capped', 'needs-port', 'entry-restricted', 'restricted']);
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/** Display labels of the policy statuses (the words a 链长 office uses). */
export const POLICY_STATUS_LABELS: Readonly<Record<PolicyStatus, { readonly zh: string; readonly en: string }>> = Object.freeze({
  'negative-list': { zh: '负面清单', en: 'negative list' },
  'high-energy': { zh: '两高', en: 'energy-intensive and high-emission (两高)' },
  'capacity-capped': { zh: '产能置换/总量控制', en: 'capacity swap or national cap' },
  'needs-port': { zh: '无港口', en: 'needs a port' },
  'entry-restricted': { zh: '准入限制', en: 'entry restricted' },
  restricted: { zh: '受限', en: 'restricted' },
});

/**
 * A policy that makes a segment infeasible to attract here, with the rule and its source. Carried by a
 * segment (`segments.json` → `policy`) or by a `not-pursued` correction.
 *
 * @example
 * PolicyNote.parse({ status: 'capacity-capped', rule: '钢铁行业产能置换实施办法：新建炼钢产能须等量或减量置换', source: '工信部 工信部原〔2021〕46号' });
 */
export const PolicyNote = z.object({
  status: PolicyStatus,
  /** The rule, in the words of the policy (Chinese). */
  rule: Text,
  /** The rule in English, when given. */
  ruleEn: Text.optional(),
  /** The policy document (name, number, address). */
  source: Text,
  asOf: PartialDate.optional(),
});
export type PolicyNote = z.infer<typeof PolicyNote>;

/** A capacity (产能, 装机) with its unit, e.g. `{ value: 60, unit: '万吨/年' }`. */
export const Capacity = z.object({
  value: z.number().positive().max(1e9),
  unit: Text.max(40),
});
export type Capacity = z.infer<typeof Capacity>;

/** Fields every correction entry has: which segment, who said it, when, on what source. */
const CorrectionBase = {
  /** A stable id of the entry, so a what-if can switch it off (`remove-corrections`). */
  id: Id,
  segment: Id,
  /** Who wrote the entry (a person or an office, e.g. 市有色金属链长办). */
  author: Text,
  date: PartialDate,
  /** The document, address or survey the entry rests on. */
  source: Text,
  confidence: Confidence.optional(),
  note: z.string().optional(),
};

/**
 * The segment is present locally although the enterprise list may not show it: local firms (names) and a
 * size — a revenue (亿元), a revenue band, or a capacity against a capacity benchmark in the same unit
 * (presence from capacity: see docs/methodology.md § Corrections).
 */
export const PresentCorrection = z
  .object({
    ...CorrectionBase,
    kind: z.literal('present'),
    /** Names of the local firms on the segment (as the office knows them). */
    firms: z.array(Text).min(1).optional(),
    revenue: z.number().positive().max(MAX_REVENUE).optional(),
    revenueBand: RevenueBand.optional(),
    capacity: Capacity.optional(),
    /** The capacity at which presence is full (the analogue of `benchmarkRevenue`). */
    benchmarkCapacity: Capacity.optional(),
  })
  .refine((c) => c.revenue !== undefined || c.revenueBand !== undefined || c.capacity !== undefined, {
    message: 'a present correction needs a size: revenue, revenueBand or capacity (须给出规模：营收、营收档或产能)',
    path: ['revenue'],
  })
  .refine((c) => c.capacity === undefined || c.benchmarkCapacity !== undefined, {
    message: 'capacity needs benchmarkCapacity (给出产能时须给出对标产能 benchmarkCapacity)',
    path: ['benchmarkCapacity'],
  })
  .refine((c) => c.capacity === undefined || c.benchmarkCapacity === undefined || c.capacity.unit === c.benchmarkCapacity.unit, {
    message: 'capacity and benchmarkCapacity must have the same unit (产能与对标产能单位须一致)',
    path: ['benchmarkCapacity', 'unit'],
  });

/** The office has checked: no local firm on the segment (verified absence, 已核实无本地企业). */
export const AbsentCorrection = z.object({ ...CorrectionBase, kind: z.literal('verified-absent') });

/** The segment is not to be pursued: a policy forbids or caps it (see `PolicyStatus`). */
export const NotPursuedCorrection = z.object({
  ...CorrectionBase,
  kind: z.literal('not-pursued'),
  policy: PolicyStatus,
  /** The rule, e.g. 钢铁产能置换实施办法：新建项目须减量置换. */
  rule: Text,
  ruleEn: Text.optional(),
});

/** The office sets the gap's priority (0–1) directly; `reason` says why. */
export const PriorityCorrection = z.object({
  ...CorrectionBase,
  kind: z.literal('priority'),
  priority: z.number().min(0).max(1),
  reason: Text,
});

/**
 * One entry of `corrections.json`, the layer the 链长 office maintains over the data (issue 14): a
 * segment is `present`, `verified-absent`, `not-pursued` (with a policy reason), or gets a `priority`.
 *
 * @example
 * Correction.parse({ id: 'pvc-xinfa', segment: 'ch-pe-pvc-resin', kind: 'present', firms: ['信发华兴化工'],
 *   capacity: { value: 60, unit: '万吨/年' }, benchmarkCapacity: { value: 100, unit: '万吨/年' },
 *   author: '市化工链长办', date: '2026-12', source: '信发集团官网' });
 */
export const Correction = z.discriminatedUnion('kind', [PresentCorrection, AbsentCorrection, NotPursuedCorrection, PriorityCorrection]);
export type Correction = z.infer<typeof Correction>;
export type PresentCorrection = z.infer<typeof PresentCorrection>;
export type NotPursuedCorrection = z.infer<typeof NotPursuedCorrection>;
export type PriorityCorrection = z.infer<typeof PriorityCorrection>;
