// The chain of one dataset, built once and read by slot by gaps, scoring, what-if and the handbook (issue 20).
import { indexDataset, type DatasetIndex } from '../dataset/indexDataset.js';
import { NotFoundError } from '../errors.js';
import type { City } from '../schema/city.js';
import type { Dataset } from '../schema/dataset.js';
import type { Link } from '../schema/link.js';
import type { Segment } from '../schema/segment.js';
import { adjacencyFromEdges, type ChainAdjacency } from './chainAdjacency.js';
import { localFirmsBySegment, type SegmentFirms } from './localFirmsBySegment.js';

/**
 * The chain of a dataset: its index, the one segment order (slots, sorted by id, so nothing depends on the order
 * of the input records), the supply links of that chain, one adjacency with the link weights in both directions,
 * the presence inputs (local firms and revenue per segment) and the places.
 * Built once per dataset by `chainModel`; a what-if's changed dataset gets `deriveChainModel`, which shares
 * the chain parts when the chain did not change. Every part is built on first read and kept. Read-only.
 */
export interface ChainModel {
  readonly dataset: Dataset;
  /** Lookup tables of the dataset (dataset order). */
  readonly index: DatasetIndex;
  /** Segments by slot: sorted by id. */
  readonly segments: readonly Segment[];
  /** Slot of each segment id (the same map as `adjacency.indexOf`). */
  readonly slotOf: ReadonlyMap<string, number>;
  /** Supply links of the chain, sorted by (from, to): self-links left out, a repeated link keeping its largest weight. */
  readonly links: readonly Link[];
  /** Adjacency of `links` over the slots, weights in both directions; out-list position e is `links[e]`. */
  readonly adjacency: ChainAdjacency;
  /**
   * The presence inputs: active local firms and their revenue per segment id (see `localFirmsBySegment`), for one
   * share counted for plants under construction; kept per share.
   *
   * @throws {NotFoundError} when an enterprise names an unknown segment
   */
  firms(underConstructionWeight: number): ReadonlyMap<string, SegmentFirms>;
  /** Places by `placeKey(province, name, country)` (the index's table; see `findPlace`). */
  readonly places: ReadonlyMap<string, City>;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The chain parts (segments, links, adjacency) of a dataset, built on first read. */
interface ChainParts {
  readonly segments: readonly Segment[];
  readonly links: readonly Link[];
  readonly adjacency: ChainAdjacency;
}

function lazyParts(dataset: Dataset): () => ChainParts {
  let parts: ChainParts | undefined;
  return () => (parts ??= chainParts(dataset));
}

function chainParts(dataset: Dataset): ChainParts {
  const segments = [...dataset.segments].sort((a, b) => byId(a.id, b.id));
  const ids = segments.map((s) => s.id);
  const n = ids.length;
  const slot = new Map(ids.map((id, i) => [id, i]));
  // Links ordered by (from slot, to slot, record index), which is (from, to) id order; a repeated link then sits in
  // a run of equal pairs, of which the largest weight (the first of equals) is kept. One numeric sort of packed
  // keys when they fit a double exactly (every real chain), else a sort by comparison.
  const all = dataset.links;
  const total = all.length;
  const from = new Int32Array(total);
  const to = new Int32Array(total);
  const kept: number[] = [];
  for (let j = 0; j < total; j++) {
    const l = all[j]!;
    const f = slot.get(l.from);
    const t = slot.get(l.to);
    if (f === undefined || t === undefined) {
      const end = f === undefined ? l.from : l.to;
      throw new NotFoundError('segment', end, `buildChainGraph: link ${l.from} → ${l.to} names unknown segment "${end}"`, `链接 ${l.from} → ${l.to} 中的环节“${end}”不存在`);
    }
    from[j] = f;
    to[j] = t;
    if (f !== t) kept.push(j);
  }
  let order: ArrayLike<number>;
  if (n * n * total < Number.MAX_SAFE_INTEGER) {
    const keys = Float64Array.from(kept, (j) => (from[j]! * n + to[j]!) * total + j).sort();
    order = keys.map((k) => k % total);
  } else order = kept.sort((a, b) => from[a]! - from[b]! || to[a]! - to[b]! || a - b);
  const links: Link[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  for (let x = 0; x < order.length; ) {
    const first = order[x]!;
    let best = all[first]!;
    let y = x + 1;
    for (; y < order.length && from[order[y]!] === from[first] && to[order[y]!] === to[first]; y++) {
      const l = all[order[y]!]!;
      if (best.weight < l.weight) best = l;
    }
    links.push(best);
    src.push(from[first]!);
    dst.push(to[first]!);
    x = y;
  }
  const wt = Float64Array.from(links, (l) => l.weight);
  return { segments, links, adjacency: adjacencyFromEdges(ids, Int32Array.from(src), Int32Array.from(dst), wt) };
}

function model(index: DatasetIndex, parts: () => ChainParts): ChainModel {
  const firms = new Map<number, ReadonlyMap<string, SegmentFirms>>();
  return {
    dataset: index.dataset,
    index,
    get segments(): readonly Segment[] {
      return parts().segments;
    },
    get slotOf(): ReadonlyMap<string, number> {
      return parts().adjacency.indexOf;
    },
    get links(): readonly Link[] {
      return parts().links;
    },
    get adjacency(): ChainAdjacency {
      return parts().adjacency;
    },
    get places(): ReadonlyMap<string, City> {
      return index.placeByKey;
    },
    firms(underConstructionWeight: number): ReadonlyMap<string, SegmentFirms> {
      let f = firms.get(underConstructionWeight);
      if (f === undefined) {
        f = localFirmsBySegment(index.dataset.enterprises, index.segmentById, underConstructionWeight);
        firms.set(underConstructionWeight, f);
      }
      return f;
    },
  };
}

/**
 * Whether a value is a chain model (from `chainModel` or `deriveChainModel`), not a dataset or an index.
 *
 * @param source - a dataset, an index or a model
 * @returns true for a model
 * @example
 * isChainModel(chainModel(ds)); // true
 * isChainModel(ds); // false
 */
export function isChainModel(source: Dataset | DatasetIndex | ChainModel): source is ChainModel {
  return 'slotOf' in source && 'index' in source;
}

/**
 * The chain model of a dataset (or of an existing index of it, which it then shares). Parts are built on
 * first read, so a stage pays only for what it reads. Given a model, returns it: a caller that accepts
 * "a dataset or its model" builds the model only when it was not given.
 *
 * @param source - a validated dataset, its `indexDataset`, or its model
 * @returns the model (`source` itself when it is one)
 * @throws {NotFoundError} (on reading `segments`, `links` or `adjacency`) when a link names an unknown segment
 * @example
 * const m = chainModel(liaocheng());
 * m.segments[m.slotOf.get('nf-primary-aluminium')!]?.stage; // 'upstream'
 * chainModel(m) === m; // true
 */
export function chainModel(source: Dataset | DatasetIndex | ChainModel): ChainModel {
  if (isChainModel(source)) return source;
  const index = 'segmentById' in source ? source : indexDataset(source);
  return model(index, lazyParts(index.dataset));
}

/**
 * The model of a changed dataset (a what-if): a new index and new presence inputs, and the chain parts of
 * `base` (segments, links, adjacency) when the chain did not change (the same segment, link and industry
 * arrays, as a scenario that only lands, closes or re-weights leaves them), else its own.
 *
 * @param base - the model of the dataset before the change
 * @param dataset - the changed dataset
 * @returns `base` itself when `dataset` is its dataset, else a model sharing what did not change
 * @example
 * const base = chainModel(ds);
 * deriveChainModel(base, { ...ds, enterprises: [] }).adjacency === base.adjacency; // true
 */
export function deriveChainModel(base: ChainModel, dataset: Dataset): ChainModel {
  if (dataset === base.dataset) return base;
  const b = base.dataset;
  const shared = dataset.segments === b.segments && dataset.links === b.links && dataset.industries === b.industries;
  return model(indexDataset(dataset), shared ? () => ({ segments: base.segments, links: base.links, adjacency: base.adjacency }) : lazyParts(dataset));
}
