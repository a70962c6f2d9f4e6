import { DirectedGraph } from 'graphology';
import { NotFoundError } from '../errors.js';
import type { Dataset } from '../schema/dataset.js';
import { localFirmsBySegment } from './localFirmsBySegment.js';
import { segmentIsStrategic } from './segmentIsStrategic.js';
import type { ChainEdgeAttributes, ChainGraph, ChainNodeAttributes } from './types.js';

/** Options of `buildChainGraph`. */
export interface ChainGraphOptions {
  /** Share of revenue counted for enterprises under construction (default 0.5, as in `DEFAULT_GAP_OPTIONS`). */
  readonly underConstructionWeight?: number;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Build the chain graph of a dataset: one node per segment (with its industry, stage, strategic
 * flag, local firms and local revenue), one directed edge per supply link `from → to` (key
 * `from->to`, attributes weight, basis, source, crossIndustry). Nodes and edges are inserted in id
 * order, so the graph (and every metric on it) does not depend on the order of the input records.
 * Self-links are skipped; a repeated link keeps its largest weight.
 *
 * @param dataset - a validated dataset
 * @param options - `underConstructionWeight` for the local revenue attribute
 * @returns a new graphology `DirectedGraph`
 * @throws {NotFoundError} when a link or enterprise names an unknown segment
 * @example
 * const g = buildChainGraph(liaocheng());
 * g.getNodeAttribute('nf-primary-aluminium', 'localFirms'); // ['xinfa', …]
 */
export function buildChainGraph(dataset: Dataset, options: ChainGraphOptions = {}): ChainGraph {
  const graph: ChainGraph = new DirectedGraph<ChainNodeAttributes, ChainEdgeAttributes>();
  const industries = new Map(dataset.industries.map((i) => [i.id, i]));
  const segments = [...dataset.segments].sort((a, b) => byId(a.id, b.id));
  const ids = new Set(segments.map((s) => s.id));
  const firms = localFirmsBySegment(dataset.enterprises, ids, options.underConstructionWeight ?? 0.5);
  const nodes = segments.map((s) => {
    const f = firms.get(s.id);
    const attributes: ChainNodeAttributes = {
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      industry: s.industry,
      stage: s.stage,
      strategic: segmentIsStrategic(s, industries.get(s.industry)),
      localFirms: f ? f.firms.map((x) => x.id) : [],
      localRevenue: f ? f.revenue : 0,
    };
    if (s.subDirection !== undefined) attributes.subDirection = s.subDirection;
    if (s.group !== undefined) attributes.group = s.group;
    if (s.benchmarkRevenue !== undefined) attributes.benchmarkRevenue = s.benchmarkRevenue;
    return { key: s.id, attributes };
  });
  // Deduplicate first (a repeated link keeps its largest weight), then insert in (from, to) order.
  const industryOf = new Map(segments.map((s) => [s.id, s.industry]));
  const byKey = new Map<string, Dataset['links'][number]>();
  for (const l of dataset.links) {
    for (const end of [l.from, l.to]) {
      if (!ids.has(end)) throw new NotFoundError('segment', end, `buildChainGraph: link ${l.from} → ${l.to} names unknown segment "${end}"`, `链接 ${l.from} → ${l.to} 中的环节“${end}”不存在`);
    }
    if (l.from === l.to) continue;
    const key = `${l.from}->${l.to}`;
    const seen = byKey.get(key);
    if (seen === undefined || seen.weight < l.weight) byKey.set(key, l);
  }
  const links = [...byKey.values()].sort((a, b) => byId(a.from, b.from) || byId(a.to, b.to));
  const edges = links.map((l) => {
    const attributes: ChainEdgeAttributes = { weight: l.weight, crossIndustry: industryOf.get(l.from) !== industryOf.get(l.to) };
    if (l.basis !== undefined) attributes.basis = l.basis;
    if (l.source !== undefined) attributes.source = l.source;
    return { key: `${l.from}->${l.to}`, source: l.from, target: l.to, attributes };
  });
  // One bulk import (faster than edge-by-edge insertion on large graphs).
  graph.import({ nodes, edges });
  return graph;
}
