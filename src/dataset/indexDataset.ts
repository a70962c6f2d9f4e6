import { NotFoundError } from '../errors.js';
import type { City, Company, Dataset, Enterprise, HqLocation, Industry, Link, Segment } from '../schema/index.js';
import { placeKey } from './checkReferences.js';

/** Lookup tables over a dataset, built once and shared by the analysis stages. Read-only. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly industryById: ReadonlyMap<string, Industry>;
  readonly segmentById: ReadonlyMap<string, Segment>;
  readonly enterpriseById: ReadonlyMap<string, Enterprise>;
  readonly companyById: ReadonlyMap<string, Company>;
  /** Segments of each industry, in dataset order. */
  readonly segmentsByIndustry: ReadonlyMap<string, readonly Segment[]>;
  /** Local enterprises on each segment (closed ones excluded), in dataset order. */
  readonly enterprisesBySegment: ReadonlyMap<string, readonly Enterprise[]>;
  /** Links leaving each segment (it supplies them). */
  readonly outLinks: ReadonlyMap<string, readonly Link[]>;
  /** Links entering each segment (they supply it). */
  readonly inLinks: ReadonlyMap<string, readonly Link[]>;
  /** A place by `placeKey(province, name, country)`. */
  readonly placeByKey: ReadonlyMap<string, City>;
}

function group<T>(items: readonly T[], keysOf: (t: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}

/**
 * Build lookup tables for a validated dataset. Each table is built on first read and kept for this index:
 * a stage pays only for the tables it reads (ranking a million companies never reads `companyById`,
 * `outLinks` or `inLinks`). The memos live in this closure (one index), not in global state.
 *
 * @param dataset - a validated dataset
 * @returns the index (read-only; tables built lazily)
 * @example
 * const idx = indexDataset(liaocheng());
 * idx.segmentById.get('nf-primary-aluminium')?.name;
 */
export function indexDataset(dataset: Dataset): DatasetIndex {
  let industryById: ReadonlyMap<string, Industry> | undefined;
  let segmentById: ReadonlyMap<string, Segment> | undefined;
  let enterpriseById: ReadonlyMap<string, Enterprise> | undefined;
  let companyById: ReadonlyMap<string, Company> | undefined;
  let segmentsByIndustry: ReadonlyMap<string, readonly Segment[]> | undefined;
  let enterprisesBySegment: ReadonlyMap<string, readonly Enterprise[]> | undefined;
  let outLinks: ReadonlyMap<string, readonly Link[]> | undefined;
  let inLinks: ReadonlyMap<string, readonly Link[]> | undefined;
  let placeByKey: ReadonlyMap<string, City> | undefined;
  return {
    dataset,
    get industryById(): ReadonlyMap<string, Industry> {
      return (industryById ??= new Map(dataset.industries.map((x) => [x.id, x])));
    },
    get segmentById(): ReadonlyMap<string, Segment> {
      return (segmentById ??= new Map(dataset.segments.map((x) => [x.id, x])));
    },
    get enterpriseById(): ReadonlyMap<string, Enterprise> {
      return (enterpriseById ??= new Map(dataset.enterprises.map((x) => [x.id, x])));
    },
    get companyById(): ReadonlyMap<string, Company> {
      return (companyById ??= new Map(dataset.companies.map((x) => [x.id, x])));
    },
    get segmentsByIndustry(): ReadonlyMap<string, readonly Segment[]> {
      return (segmentsByIndustry ??= group(dataset.segments, (s) => [s.industry]));
    },
    get enterprisesBySegment(): ReadonlyMap<string, readonly Enterprise[]> {
      return (enterprisesBySegment ??= group(
        dataset.enterprises.filter((e) => e.status !== 'closed'),
        (e) => e.segments,
      ));
    },
    get outLinks(): ReadonlyMap<string, readonly Link[]> {
      return (outLinks ??= group(dataset.links, (l) => [l.from]));
    },
    get inLinks(): ReadonlyMap<string, readonly Link[]> {
      return (inLinks ??= group(dataset.links, (l) => [l.to]));
    },
    get placeByKey(): ReadonlyMap<string, City> {
      return (placeByKey ??= new Map(dataset.cities.map((c) => [placeKey(c.province, c.name, c.country), c])));
    },
  };
}

/**
 * The place record of a company's HQ, or `undefined` when the dataset does not list it.
 *
 * @example
 * findPlace(idx, { province: '上海市', city: '上海市' })?.regions; // ['长三角']
 */
export function findPlace(index: DatasetIndex, hq: HqLocation): City | undefined {
  return index.placeByKey.get(placeKey(hq.province, hq.city, hq.country));
}

/**
 * A segment by id, or a `NotFoundError` naming the dataset.
 *
 * @throws {NotFoundError} when the id is not in the dataset
 * @example
 * requireSegment(idx, 'nf-primary-aluminium').stage; // 'upstream'
 */
export function requireSegment(index: DatasetIndex, id: string): Segment {
  const s = index.segmentById.get(id);
  if (s === undefined) {
    throw new NotFoundError('segment', id, `segment "${id}" not found in dataset "${index.dataset.meta.id}"; see segments.json for valid ids`, `数据集“${index.dataset.meta.id}”中没有环节“${id}”；有效 id 见 segments.json`);
  }
  return s;
}
