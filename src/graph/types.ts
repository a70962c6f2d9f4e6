// Types of the chain graph (issue 4). Nodes are segments, edges are supply links (from supplies to).
import type { DirectedGraph } from 'graphology';
import type { GapKind } from '../model/reason.js';
import type { LinkBasis } from '../schema/link.js';
import type { Stage } from '../schema/common.js';

/** Attributes of a segment node. The gap fields are written only by `annotateChainGraph`. */
export interface ChainNodeAttributes {
  id: string;
  name: string;
  nameEn: string;
  industry: string;
  subDirection?: string;
  stage: Stage;
  /** The segment's own flag, else its industry's `strategic` or `future` flag. */
  strategic: boolean;
  group?: string;
  benchmarkRevenue?: number;
  /** Ids of the active (not closed) local enterprises on the segment, sorted. */
  localFirms: string[];
  /** Local revenue attributed to the segment, 亿元 (see `localFirmsBySegment`). */
  localRevenue: number;
  /** Presence p in [0, 1] (written by `annotateChainGraph`). */
  presence?: number;
  /** Gap kind (written by `annotateChainGraph`). */
  kind?: GapKind;
  /** Gap priority in [0, 1] (written by `annotateChainGraph`). */
  priority?: number;
}

/** Attributes of a supply link. */
export interface ChainEdgeAttributes {
  /** Link weight in (0, 1]: share of the target's inputs that come from the source, scaled. */
  weight: number;
  basis?: LinkBasis;
  source?: string;
  /** True when source and target belong to different industries. */
  crossIndustry: boolean;
}

/** The chain graph: a graphology DirectedGraph with typed attributes. */
export type ChainGraph = DirectedGraph<ChainNodeAttributes, ChainEdgeAttributes>;
