import type { Dataset } from '../schema/dataset.js';

/** Counts per file and per industry of a dataset (the `info` command's JSON shape). */
export interface DatasetInfo {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly counts: {
    readonly industries: number;
    readonly subDirections: number;
    readonly segments: number;
    readonly links: number;
    readonly crossIndustryLinks: number;
    readonly enterprises: number;
    readonly companies: number;
    readonly cities: number;
  };
  readonly industries: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string;
    readonly group: string;
    readonly subDirections: number;
    readonly segments: number;
    readonly enterprises: number;
    readonly companies: number;
  }[];
}

/**
 * Summarise a dataset: counts per file, and per industry (segments, local enterprises, target companies).
 * A company or enterprise counts once for each industry it has a segment in.
 *
 * @example
 * datasetInfo(liaocheng()).counts.industries; // 12
 */
export function datasetInfo(d: Dataset): DatasetInfo {
  const industryOf = new Map(d.segments.map((s) => [s.id, s.industry]));
  const perIndustry = (segs: readonly string[] | undefined): Set<string> => new Set((segs ?? []).map((s) => industryOf.get(s) ?? ''));
  const count = (lists: readonly (readonly string[] | undefined)[], id: string): number => lists.filter((segs) => perIndustry(segs).has(id)).length;
  return {
    id: d.meta.id,
    name: d.meta.name,
    asOf: d.meta.asOf,
    counts: {
      industries: d.industries.length,
      subDirections: d.industries.reduce((n, i) => n + i.subDirections.length, 0),
      segments: d.segments.length,
      links: d.links.length,
      crossIndustryLinks: d.links.filter((l) => industryOf.get(l.from) !== industryOf.get(l.to)).length,
      enterprises: d.enterprises.length,
      companies: d.companies.length,
      cities: d.cities.length,
    },
    industries: d.industries.map((i) => ({
      id: i.id,
      name: i.name,
      nameEn: i.nameEn,
      group: i.group ?? '',
      subDirections: i.subDirections.length,
      segments: d.segments.filter((s) => s.industry === i.id).length,
      enterprises: count(d.enterprises.map((e) => e.segments), i.id),
      companies: count(d.companies.map((c) => c.segments), i.id),
    })),
  };
}
