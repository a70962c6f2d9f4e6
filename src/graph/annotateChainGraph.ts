import type { GapKind } from '../model/reason.js';
import type { ChainGraph } from './types.js';

/** What `annotateChainGraph` reads of a gap analysis (an `analyzeGaps` result is one). */
export interface ChainAnnotation {
  readonly segments: readonly { readonly id: string; readonly kind: GapKind; readonly priority: number; readonly measures: { readonly presence: number } }[];
}

/**
 * Write a gap analysis onto a chain graph's nodes (presence, kind, priority), e.g. to draw a chain
 * map coloured by gap kind. Mutates the graph (like graphology's `pagerank.assign`); segments the
 * graph does not have are skipped.
 *
 * @param graph - a graph from `buildChainGraph`
 * @param analysis - the result of `analyzeGaps` on the same dataset
 * @returns the same graph, for chaining
 * @example
 * const g = annotateChainGraph(buildChainGraph(ds), analyzeGaps(ds));
 * g.getNodeAttribute('nf-battery-tray', 'kind'); // 'extend'
 */
export function annotateChainGraph(graph: ChainGraph, analysis: ChainAnnotation): ChainGraph {
  for (const s of analysis.segments) {
    if (!graph.hasNode(s.id)) continue;
    graph.mergeNodeAttributes(s.id, { presence: s.measures.presence, kind: s.kind, priority: s.priority });
  }
  return graph;
}
