import { DirectedGraph } from 'graphology';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/dataset.js';
import { segmentIsStrategic } from './segmentIsStrategic.js';
import type { ChainEdgeAttributes, ChainGraph, ChainNodeAttributes } from './types.js';

/** Options of `buildChainGraph`. */
export interface ChainGraphOptions {
  /** Share of revenue counted for enterprises under construction (default 0.5, as in `DEFAULT_GAP_OPTIONS`). */
  readonly underConstructionWeight?: number;
}

/**
 * Build the chain graph of a dataset: one node per segment (with its industry, stage, strategic
 * flag, local firms and local revenue), one directed edge per supply link `from → to` (key
 * `from->to`, attributes weight, basis, source, crossIndustry). Nodes and edges are inserted in id
 * order, so the graph (and every metric on it) does not depend on the order of the input records.
 * Self-links are skipped; a repeated link keeps its largest weight. Nodes and edges are those of the
 * dataset's `ChainModel` (its segments and links, in its order).
 *
 * @param source - a validated dataset, or its chain model
 * @param options - `underConstructionWeight` for the local revenue attribute
 * @returns a new graphology `DirectedGraph`
 * @throws {NotFoundError} when a link or enterprise names an unknown segment
 * @example
 * const g = buildChainGraph(liaocheng());
 * g.getNodeAttribute('nf-primary-aluminium', 'localFirms'); // ['xinfa', …]
 */
export function buildChainGraph(source: Dataset | ChainModel, options: ChainGraphOptions = {}): ChainGraph {
  const model = 'adjacency' in source ? source : chainModel(source);
  const graph: ChainGraph = new DirectedGraph<ChainNodeAttributes, ChainEdgeAttributes>();
  const { segments, links } = model;
  const firms = model.firms(options.underConstructionWeight ?? 0.5);
  const nodes = segments.map((s) => {
    const f = firms.get(s.id);
    const attributes: ChainNodeAttributes = {
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      industry: s.industry,
      stage: s.stage,
      strategic: segmentIsStrategic(s, model.index.industryById.get(s.industry)),
      localFirms: f ? f.firms.map((x) => x.id) : [],
      localRevenue: f ? f.revenue : 0,
    };
    if (s.subDirection !== undefined) attributes.subDirection = s.subDirection;
    if (s.group !== undefined) attributes.group = s.group;
    if (s.benchmarkRevenue !== undefined) attributes.benchmarkRevenue = s.benchmarkRevenue;
    return { key: s.id, attributes };
  });
  const industryOf = model.index.segmentById;
  const edges = links.map((l) => {
    const attributes: ChainEdgeAttributes = { weight: l.weight, crossIndustry: industryOf.get(l.from)!.industry !== industryOf.get(l.to)!.industry };
    if (l.basis !== undefined) attributes.basis = l.basis;
    if (l.source !== undefined) attributes.source = l.source;
    return { key: `${l.from}->${l.to}`, source: l.from, target: l.to, attributes };
  });
  // One bulk import (faster than edge-by-edge insertion on large graphs).
  graph.import({ nodes, edges });
  return graph;
}
