import type { CentralityOptions } from '../graph/segmentCentrality.js';
import type { Dataset } from '../schema/dataset.js';
import type { GapContext } from './context.js';

const segKey = (s: Dataset['segments'][number]): string =>
  JSON.stringify([s.id, s.name, s.nameEn, s.industry, s.subDirection, s.stage, s.strategic, s.group, s.benchmarkRevenue]);
const linkKey = (l: Dataset['links'][number]): string => `${l.from}\u0000${l.to}\u0000${l.weight}`;
const indKey = (i: Dataset['industries'][number]): string =>
  JSON.stringify([i.id, i.name, i.nameEn, i.strategic, i.future, i.subDirections.map((d) => [d.id, d.name, d.nameEn])]);

function sameSet<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.every((k, i) => k === kb[i]);
}

/**
 * Whether a gap context still describes a dataset's chain: same segments, links and industries (by
 * reference, else by content, in any order) and the same centrality options.
 *
 * @param ctx - a context from `buildGapContext`
 * @param dataset - the dataset to analyse
 * @param centrality - the resolved centrality options of this run
 * @returns true when the context can be reused
 * @example
 * contextMatches(ctx, { ...ds, enterprises: [] }, DEFAULT_GAP_OPTIONS.centrality); // true
 */
export function contextMatches(ctx: GapContext, dataset: Dataset, centrality: CentralityOptions): boolean {
  const c = ctx.centralityOptions;
  if (c.betweenness !== centrality.betweenness || c.exactMaxNodes !== centrality.exactMaxNodes || c.samples !== centrality.samples || c.seed !== centrality.seed || c.alpha !== centrality.alpha) {
    return false;
  }
  return (
    sameSet(ctx.structure.segments, dataset.segments, segKey) &&
    sameSet(ctx.structure.links, dataset.links, linkKey) &&
    sameSet(ctx.structure.industries, dataset.industries, indKey)
  );
}
