import { buildChainGraph } from '../graph/buildChainGraph.js';
import { segmentCentrality } from '../graph/segmentCentrality.js';
import { segmentIsStrategic } from '../graph/segmentIsStrategic.js';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/dataset.js';
import type { GapContext, GapUnit } from './context.js';
import type { GapOptionsInput } from './options.js';
import { resolveGapOptions } from './resolveGapOptions.js';

/**
 * Precompute the structure-only part of the gap analysis: chain graph, PageRank and betweenness,
 * units (sub-directions, industries, groups) and adjacency arrays. Reuse it with
 * `analyzeGapsWithContext` when only local firms, city priorities or thresholds change (what-if):
 * a re-run then costs O(segments + links) and skips the graph metrics.
 *
 * @param source - a validated dataset, or its chain model (then shared: the context reads its slots)
 * @param options - gap options; only `centrality` matters here
 * @returns the context
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @throws {NotFoundError} when a link or enterprise names an unknown segment
 * @example
 * const ctx = buildGapContext(liaocheng());
 * const a = analyzeGapsWithContext(ctx, liaocheng());
 */
export function buildGapContext(source: Dataset | ChainModel, options: GapOptionsInput = {}): GapContext {
  const o = resolveGapOptions(options);
  const model = chainModel(source);
  const { dataset, adjacency, segments } = model;
  const graph = buildChainGraph(model, { underConstructionWeight: o.presence.underConstructionWeight });
  const c = segmentCentrality(graph, o.centrality, adjacency);
  const n = adjacency.ids.length;
  const industries = model.index.industryById;

  const units: { unit: Omit<GapUnit, 'members'>; members: number[] }[] = [];
  const unitIndex = new Map<string, number>();
  const addUnit = (key: string, unit: Omit<GapUnit, 'members'>): number => {
    let u = unitIndex.get(key);
    if (u === undefined) {
      u = units.length;
      unitIndex.set(key, u);
      units.push({ unit, members: [] });
    }
    return u;
  };
  const industryUnits = dataset.industries.map((i) => addUnit(`industry:${i.id}`, { kind: 'industry', id: i.id, name: i.name, nameEn: i.nameEn, industry: i.id }));
  const subDirectionUnits = dataset.industries.flatMap((i) =>
    i.subDirections.map((d) => addUnit(`sub-direction:${i.id}/${d.id}`, { kind: 'sub-direction', id: d.id, name: d.name, nameEn: d.nameEn, industry: i.id })),
  );

  const strategic = new Uint8Array(n);
  const chainUnit = new Int32Array(n);
  const industryUnit = new Int32Array(n);
  const groupUnit = new Int32Array(n).fill(-1);
  const degreeWeight = new Float64Array(n).fill(1);
  segments.forEach((s, i) => {
    const ind = industries.get(s.industry);
    strategic[i] = segmentIsStrategic(s, ind) ? 1 : 0;
    const iu = addUnit(`industry:${s.industry}`, { kind: 'industry', id: s.industry, name: ind?.name ?? s.industry, nameEn: ind?.nameEn ?? s.industry, industry: s.industry });
    units[iu]!.members.push(i);
    industryUnit[i] = iu;
    chainUnit[i] = iu;
    if (s.subDirection !== undefined) {
      const d = ind?.subDirections.find((x) => x.id === s.subDirection);
      const u = addUnit(`sub-direction:${s.industry}/${s.subDirection}`, { kind: 'sub-direction', id: s.subDirection, name: d?.name ?? s.subDirection, nameEn: d?.nameEn ?? s.subDirection, industry: s.industry });
      units[u]!.members.push(i);
      chainUnit[i] = u;
    }
    if (s.group !== undefined && s.group.trim() !== '') {
      const g = s.group.trim();
      const u = addUnit(`group:${g}`, { kind: 'group', id: g, name: g, nameEn: g, industry: '' });
      units[u]!.members.push(i);
      groupUnit[i] = u;
    }
    for (let e = adjacency.outStart[i]!; e < adjacency.outStart[i + 1]!; e++) degreeWeight[i]! += adjacency.outW[e]!;
    for (let e = adjacency.inStart[i]!; e < adjacency.inStart[i + 1]!; e++) degreeWeight[i]! += adjacency.inW[e]!;
  });

  return {
    structure: { segments: dataset.segments, links: dataset.links, industries: dataset.industries },
    centralityOptions: { ...o.centrality },
    model,
    segments,
    adjacency,
    pagerank: c.pagerank,
    betweenness: c.betweenness,
    betweennessMethod: c.betweennessMethod,
    strategic,
    chainUnit,
    industryUnit,
    groupUnit,
    units: units.map(({ unit, members }) => ({ ...unit, members: Int32Array.from(members) })),
    industryUnits,
    subDirectionUnits,
    degreeWeight,
  };
}
