import * as z from 'zod';

// Every threshold and weight of the gap analysis, in one object. The schema is the single source of
// both the type and the defaults (STYLE §2.2.3); docs/methodology.md explains each value.

const unit = z.number().min(0).max(1);

/** Weights of the priority's importance factors; non-negative, normalised to sum 1 when used. */
export const PriorityWeights = z
  .object({
    demandPull: z.number().nonnegative().default(0.25),
    supplyPush: z.number().nonnegative().default(0.15),
    relatedness: z.number().nonnegative().default(0.15),
    centrality: z.number().nonnegative().default(0.15),
    strategic: z.number().nonnegative().default(0.1),
    cityPriority: z.number().nonnegative().default(0.2),
  })
  .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one priority weight must be > 0 (至少一个权重大于 0)' });

/**
 * Options of `analyzeGaps`: presence, thresholds of the rules, priority weights, centrality. Pass any
 * subset (nested objects too); the rest takes the defaults in `DEFAULT_GAP_OPTIONS`.
 *
 * @example
 * GapOptions.parse({ thresholds: { present: 0.3 } }).thresholds.strong; // 0.6
 */
export const GapOptions = z.object({
  presence: z
    .object({
      /** Local revenue (亿元) at which presence is 1 when a segment has no `benchmarkRevenue`. */
      benchmarkRevenue: z.number().positive().finite().default(50),
      /** Revenue counted for an enterprise under construction, as a share of its stated revenue. */
      underConstructionWeight: unit.default(0.5),
    })
    .prefault({}),
  thresholds: z
    .object({
      /** p ≥ present: the segment is present locally; below it, absent (or near-absent). */
      present: unit.default(0.25),
      /** p < strong: a present segment is weak enough for the low-presence and single-firm tests. */
      strong: unit.default(0.6),
      /** demandPull ≥ demandHigh: local demand counts as strong (low-presence test). */
      demandHigh: unit.default(0.4),
      /** HHI ≥ singleFirmHhi: the segment rests on one firm. */
      singleFirmHhi: unit.default(0.9),
      /** 本地配套率 < lowLocalSupply (with inputs of total weight ≥ minInputWeight): the supply-security finding. */
      lowLocalSupply: unit.default(0.15),
      /** Minimum total input weight for the supply-security finding to apply. */
      minInputWeight: z.number().nonnegative().default(0.5),
      /** Mean presence of a unit (sub-direction, industry or group) below this: the unit is near-empty (建链). */
      buildUnit: unit.default(0.15),
      /**
       * A strategic absent segment whose supply push is ≥ this, with a present supplier of presence
       * ≥ strong, is 延链 (flagged strategic) rather than 建链 (issue 14).
       */
      strategicExtendPush: unit.default(0.8),
      /** Links lighter than this are ignored when deciding fill and extend adjacency (still used by the measures). */
      minLinkWeight: unit.default(0),
    })
    .prefault({}),
  weights: PriorityWeights.prefault({}),
  priority: z
    .object({
      /**
       * Least need of a 强链 gap (need = max(1 − p, this)). Capped at 1 − thresholds.present so that adding
       * presence never raises a priority. Since issue 14 both weaknesses need p < strong, so with the
       * default thresholds this floor does not bind (it served the old low-本地配套率 weakness).
       */
      strengthenMinNeed: unit.default(0.25),
      /**
       * Input–output sectors (national 153-sector table codes, segment.ioSector) of primary
       * products — farming, forestry, animal husbandry, fishery, mining: 001–011. A gap there is
       * usually a resource to secure, not a firm to attract, so its priority is multiplied by
       * `primarySectorFactor`.
       */
      primarySectors: z.array(z.string()).default(['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011']),
      primarySectorFactor: unit.default(0.3),
      /**
       * Issue 14, honest absence: the most need counted for a gap whose absence is not verified (no
       * `verified-absent` correction): need = min(1 − p, this). With no firm on record a segment may be a
       * hole in the data rather than in the chain, so its priority is discounted by 1 − this (20% by
       * default). Never below 1 − thresholds.present (then it would reach present segments and adding
       * presence could raise a priority): a smaller value counts as 1 − thresholds.present.
       */
      unverifiedNeedCap: unit.default(0.8),
    })
    .prefault({}),
  centrality: z
    .object({
      /** `auto` = exact up to `exactMaxNodes` segments, sampled above; `off` = all zeros. */
      betweenness: z.enum(['auto', 'exact', 'sampled', 'off']).default('auto'),
      exactMaxNodes: z.number().int().positive().default(1000),
      /** Number of Brandes pivots when sampling. */
      samples: z.number().int().positive().default(64),
      /** Seed of the pivot sampler (deterministic results). */
      seed: z.number().int().default(20240220),
      /** PageRank damping factor. */
      alpha: z.number().gt(0).lt(1).default(0.85),
    })
    .prefault({}),
  /** Number of top gap ids kept on each summary. */
  topGaps: z.number().int().nonnegative().default(5),
  /**
   * Issue 14: read the dataset's corrections (corrections.json). `false` analyses the data as recorded
   * (what-if `--without-corrections`); segment policies (segments.json `policy`) still apply.
   */
  applyCorrections: z.boolean().default(true),
  /**
   * Issue 14: keep 受限 gaps (on segments with a policy) in the priority list and gap fit with their
   * computed priority. By default they are shown as 受限 with priority 0 and left out of `topGaps`.
   */
  includeRestricted: z.boolean().default(false),
});

/** Options as a caller may pass them (every field optional). */
export type GapOptionsInput = z.input<typeof GapOptions>;

/** Options with every default filled in. */
export type ResolvedGapOptions = z.output<typeof GapOptions>;

/** The defaults of every gap option (frozen). */
export const DEFAULT_GAP_OPTIONS: ResolvedGapOptions = deepFreezeOptions(GapOptions.parse({}));

function deepFreezeOptions(o: ResolvedGapOptions): ResolvedGapOptions {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(o);
}
