import { findPlace, indexDataset } from '../dataset/indexDataset.js';
import { GAP_KINDS, type ChainSummary, type GapAnalysis, type GapKind } from '../gaps/types.js';
import { own } from '../internal/own.js';
import type { ChainModel } from '../model/chainModel.js';
import type { Dataset, Industry } from '../schema/index.js';
import type { Ranking, RankedItem } from '../scoring/types.js';
import { chainMapData } from './build/chainMapData.js';
import { nameOf, t, type BuildContext } from './build/context.js';
import { gapRow } from './build/gapRow.js';
import { methodAppendix } from './build/methodAppendix.js';
import { requireIndustry } from './build/requireIndustry.js';
import { regionCounts } from './build/regionCounts.js';
import { scoreHistogram } from './build/scoreHistogram.js';
import { keyTargetCard, targetCard } from './build/targetCard.js';
import { parkRows, policyRows, projectRows } from './build/carriers.js';
import { dataQualityNotes } from './build/dataQuality.js';
import { visitPlan } from './build/visitPlan.js';
import { TEXT } from './labels.js';
import { resolveHandbookOptions, type HandbookOptionsInput } from './options.js';
import type { Handbook, HandbookChapter, IndustryRow } from './types.js';

/** The analysis results a handbook is built from. */
export interface HandbookInputs {
  /** The chain model the results were computed from (`chainModel(ds)`): its index is read instead of indexing the dataset again. */
  readonly model?: ChainModel;
  /** The gap analysis of the dataset (`analyzeGaps`). */
  readonly gaps: GapAnalysis;
  /** The city-wide ranking (`rankCompanies` without an industry): the overview's top targets and the appendix's weights. */
  readonly ranking: Ranking;
  /**
   * Rankings with the industry filter, by industry id (`rankCompanies(ds, { industry })`); pass every
   * candidate (no `top`) so the score distribution covers them all. An industry missing here takes the
   * items of `ranking` whose company has a segment in it, re-numbered.
   */
  readonly industryRankings?: Readonly<Record<string, Ranking>>;
}

/** Zero count per gap kind, keys in `GAP_KINDS` order (the published key order). */
const EMPTY_COUNTS = Object.freeze(Object.fromEntries(GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>);

function industryItems(ind: Industry, inputs: HandbookInputs, ctx: BuildContext): readonly RankedItem[] {
  const ranking = own(inputs.industryRankings, ind.id);
  if (ranking !== undefined) return ranking.items;
  return inputs.ranking.items.filter((item) => ctx.index.companyById.get(item.id)?.segments?.some((s) => ctx.index.segmentById.get(s)?.industry === ind.id) === true);
}

function industryRow(ind: Industry, summary: ChainSummary | undefined, candidates: number, ctx: BuildContext): IndustryRow {
  const segs = ctx.index.segmentsByIndustry.get(ind.id) ?? [];
  const firms = new Set(segs.flatMap((s) => (ctx.index.enterprisesBySegment.get(s.id) ?? []).map((e) => e.id)));
  const counts = summary?.counts ?? EMPTY_COUNTS;
  return {
    id: ind.id,
    name: nameOf(ctx, ind),
    group: (ctx.lang === 'zh' ? ind.group : (ind.groupEn ?? ind.group)) ?? '',
    strategic: ind.strategic === true,
    segments: segs.length,
    completeness: summary?.completeness ?? 0,
    localSupplyRate: summary?.localSupplyRate ?? 0,
    counts,
    gaps: counts.fill + counts.extend + counts.strengthen + counts.build,
    localFirms: firms.size,
    candidates,
  };
}

/**
 * Build the handbook as plain data from analysis results already computed: overview, one chapter per
 * industry (chain map data, gap table, target cards, chart data), visit plan and method appendix. Pure
 * and deterministic: the printed date is `options.date`, else the dataset's `asOf`, never the clock.
 *
 * @param dataset - the dataset the results were computed from
 * @param inputs - gap analysis, city-wide ranking, and optionally per-industry rankings
 * @param options - language, date, how many targets and gaps (see `HandbookOptions`)
 * @returns the handbook data, ready for `renderHtml`, `renderMarkdown`, `writeXlsx` and `writeCsv`
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @throws {NotFoundError} when `options.industry` is not an industry of the dataset
 * @example
 * const gaps = analyzeGaps(ds);
 * const hb = buildHandbookFromResults(ds, { gaps, ranking: rankCompanies(ds, { gaps }) }, { top: 5 });
 * hb.chapters.length; // one per industry
 */
export function buildHandbookFromResults(dataset: Dataset, inputs: HandbookInputs, options: HandbookOptionsInput = {}): Handbook {
  const o = resolveHandbookOptions(options);
  const index = inputs.model?.dataset === dataset ? inputs.model.index : indexDataset(dataset);
  requireIndustry(dataset, o.industry);
  const ctx: BuildContext = { index, lang: o.lang, gapBySegment: new Map(inputs.gaps.segments.map((g) => [g.id, g])) };
  const summaryById = new Map(inputs.gaps.industries.map((s) => [s.id, s]));
  const itemsByIndustry = new Map(dataset.industries.map((ind) => [ind.id, industryItems(ind, inputs, ctx)]));
  const rows = dataset.industries.map((ind) => industryRow(ind, summaryById.get(ind.id), itemsByIndustry.get(ind.id)!.length, ctx));
  const chosen = dataset.industries.filter((ind) => o.industry === undefined || ind.id === o.industry);
  const gapsOf = (industry: string | undefined) => inputs.gaps.segments.filter((g) => g.kind !== 'none' && (industry === undefined || g.industry === industry));
  const date = o.date ?? dataset.meta.asOf;
  const projects = projectRows(ctx);
  const chapters: HandbookChapter[] = chosen.map((ind, k) => {
    const items = itemsByIndustry.get(ind.id)!;
    const targets = items.slice(0, o.top).map((item, i) => targetCard(item, i + 1, ctx));
    const keyTargets = items.slice(0, Math.min(o.cardsPerIndustry, o.top)).map((item, i) => keyTargetCard(item, i + 1, ctx, ind.id, date));
    return {
      number: k + 1,
      anchor: `industry-${ind.id}`,
      industry: rows[dataset.industries.indexOf(ind)]!,
      description: ind.description ?? '',
      map: chainMapData(ind.id, ctx, o.maxExternal),
      gaps: gapsOf(ind.id).map((g) => gapRow(g, ctx)),
      targets,
      keyTargets,
      projects: projects.filter((p) => p.industry === ind.id),
      charts: { scoreDistribution: scoreHistogram(items.map((i) => i.score)), targetsByRegion: regionCounts(targets, t(ctx, TEXT.otherRegion)) },
    };
  });
  const toVerify = gapsOf(o.industry).filter((g) => g.evidence === 'no-record' && g.feasibility?.excluded !== true).map((g) => gapRow(g, ctx));
  const overallItems = o.industry === undefined ? inputs.ranking.items : itemsByIndustry.get(o.industry)!;
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r.id]);
  const home = dataset.meta.home;
  const homePlace = findPlace(index, { province: home.province, city: home.city });
  const cityName = o.lang === 'zh' ? home.city : (homePlace?.nameEn ?? home.city);
  return {
    lang: o.lang,
    title: o.lang === 'zh' ? `${cityName}${TEXT.titleSuffix.zh}` : `${cityName} ${TEXT.titleSuffix.en}`,
    subtitle: t(ctx, TEXT.subtitle),
    date,
    version: dataset.meta.version ?? '',
    city: { name: cityName, province: home.province },
    dataset: { id: dataset.meta.id, name: o.lang === 'zh' ? dataset.meta.name : dataset.meta.nameEn, asOf: dataset.meta.asOf },
    overview: {
      groups: [...groups.entries()].map(([name, industries]) => ({ name, industries })),
      industries: rows,
      city: inputs.gaps.city,
      // Issue 14: 受限 gaps left out of the priority list are not top gaps (their chapter's table still lists them).
      topGaps: gapsOf(o.industry).filter((g) => g.feasibility?.excluded !== true).slice(0, o.topGaps).map((g) => gapRow(g, ctx)),
      topTargets: overallItems.slice(0, o.top).map((item, i) => targetCard(item, i + 1, ctx)),
      toVerify,
    },
    chapters,
    projects: o.industry === undefined ? projects : projects.filter((p) => p.industry === o.industry),
    carriers: { parks: parkRows(ctx), policies: policyRows(ctx, cityName) },
    render: { mermaid: o.mermaid },
    visitPlan: visitPlan(chapters, ctx, t(ctx, TEXT.otherRegion)),
    appendix: { ...methodAppendix(inputs.ranking, ctx), dataQuality: dataQualityNotes(ctx, toVerify, date) },
  };
}
