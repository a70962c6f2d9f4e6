// The precomputed, structure-only part of a gap analysis (see buildGapContext).
import type { ChainAdjacency } from '../model/chainAdjacency.js';
import type { CentralityOptions } from '../graph/segmentCentrality.js';
import type { ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/dataset.js';
import type { Segment } from '../schema/segment.js';

/** A set of segments the analysis reasons about as a whole: a sub-direction, an industry or a named group. */
export interface GapUnit {
  readonly kind: 'sub-direction' | 'industry' | 'group';
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** The industry (for a sub-direction: its parent; for a group: empty). */
  readonly industry: string;
  /** Member segment indices, ascending. */
  readonly members: Int32Array;
}

/**
 * Everything about a dataset's chain that does not depend on local firms, city priorities or
 * thresholds: the sorted segments, the adjacency, centralities and units. Built once by
 * `buildGapContext`; `analyzeGapsWithContext` re-runs the analysis on it in O(segments + links).
 * Treat it as opaque and read-only.
 */
export interface GapContext {
  /** The dataset parts the context was built from (compared by reference, then by content, on reuse). */
  readonly structure: Pick<Dataset, 'segments' | 'links' | 'industries'>;
  readonly centralityOptions: CentralityOptions;
  /** The chain model the context was built on (its dataset is the one the context was built from). */
  readonly model: ChainModel;
  /** Segments by index (sorted by id): `model.segments`. */
  readonly segments: readonly Segment[];
  /** `model.adjacency`. */
  readonly adjacency: ChainAdjacency;
  readonly pagerank: Float64Array;
  readonly betweenness: Float64Array;
  readonly betweennessMethod: 'exact' | 'sampled' | 'off';
  /** 1 when the segment is strategic (see segmentIsStrategic). */
  readonly strategic: Uint8Array;
  /** Index into `units` of each segment's chain unit: its sub-direction, else its industry. */
  readonly chainUnit: Int32Array;
  /** Index into `units` of each segment's industry. */
  readonly industryUnit: Int32Array;
  /** Index into `units` of each segment's group, or -1. */
  readonly groupUnit: Int32Array;
  readonly units: readonly GapUnit[];
  /** Summary units in output order: industries (dataset order), then sub-directions. */
  readonly industryUnits: readonly number[];
  readonly subDirectionUnits: readonly number[];
  /** Completeness weight of each segment: 1 + Σ weights of its links. */
  readonly degreeWeight: Float64Array;
}
