// The tabular views of a handbook shared by the XLSX and CSV writers: columns with headers, widths
// and number formats, and rows as plain values.
import type { Lang } from '../../errors.js';
import { FEATURE_LABELS } from '../../scoring/labels.js';
import { FEATURE_NAMES } from '../../scoring/types.js';
import { TEXT, pick, type TextKey } from '../labels.js';
import type { Handbook, HandbookChapter, ParkRow, PolicyRow, ProjectRow, TargetCard } from '../types.js';
import { listSep } from './format.js';

/** A column of a sheet: key, header, width (characters) and an Excel number format for numbers. */
export interface SheetColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
}

/** A sheet as data. */
export interface SheetData {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

const h = (key: TextKey, lang: Lang): string => pick(TEXT[key], lang);

/** Columns of a targets sheet (with an industry column first when `withIndustry`). */
export function targetColumns(lang: Lang, withIndustry: boolean): SheetColumn[] {
  return [
    ...(withIndustry ? [{ key: 'industryId', header: `${h('industry', lang)} id`, width: 14 }, { key: 'industry', header: h('industry', lang), width: 14 }] : []),
    { key: 'rank', header: h('rank', lang), width: 6, numFmt: '0' },
    { key: 'id', header: 'id', width: 18 },
    { key: 'name', header: h('company', lang), width: 32 },
    { key: 'province', header: h('hqProvince', lang), width: 10 },
    { key: 'city', header: h('hqCity', lang), width: 10 },
    { key: 'regions', header: h('region', lang), width: 16 },
    { key: 'scale', header: h('scale', lang), width: 18 },
    { key: 'lists', header: h('lists', lang), width: 22 },
    { key: 'score', header: h('score', lang), width: 8, numFmt: '0.00' },
    ...FEATURE_NAMES.map((f) => ({ key: `c_${f}`, header: pick(FEATURE_LABELS[f], lang), width: 10, numFmt: '0.00' })),
    { key: 'matchedGaps', header: h('matchedGaps', lang), width: 30 },
    { key: 'reasons', header: h('reasons', lang), width: 70 },
    { key: 'approach', header: h('approach', lang), width: 12 },
    { key: 'approachRule', header: h('approachRule', lang), width: 40 },
  ];
}

/** One target as a row (contributions as `c_<feature>`); multi-valued cells joined with `sep`. */
export function targetRow(c: TargetCard, chapter: HandbookChapter | undefined, sep: string, lang: Lang): Record<string, string | number> {
  const ls = listSep(lang);
  const row: Record<string, string | number> = {
    ...(chapter !== undefined ? { industryId: chapter.industry.id, industry: chapter.industry.name } : {}),
    rank: c.rank,
    id: c.id,
    name: c.name,
    province: c.hq.province,
    city: c.hq.city,
    regions: c.regions.join(ls),
    scale: c.scale,
    lists: c.lists.join(ls),
    score: c.score,
    matchedGaps: c.matchedGaps.map((g) => `${g.kindLabel}·${g.name}`).join(ls),
    reasons: c.reasons.join(sep),
    approach: c.approach.label,
    approachRule: c.approach.rule,
  };
  for (const x of c.contributions) row[`c_${x.feature}`] = x.contribution;
  return row;
}

/** The summary sheet: one row per industry. */
export function summarySheet(hb: Handbook): SheetData {
  const l = hb.lang;
  const kinds = ['build', 'extend', 'strengthen', 'fill'] as const;
  const kindHeader = { build: l === 'zh' ? '建链' : 'build', extend: l === 'zh' ? '延链' : 'extend', strengthen: l === 'zh' ? '强链' : 'strengthen', fill: l === 'zh' ? '补链' : 'fill' };
  return {
    name: h('summary', l),
    columns: [
      { key: 'id', header: 'id', width: 18 },
      { key: 'group', header: h('group', l), width: 12 },
      { key: 'name', header: h('industry', l), width: 16 },
      { key: 'segments', header: h('segments', l), width: 8, numFmt: '0' },
      { key: 'localFirms', header: h('localFirms', l), width: 9, numFmt: '0' },
      { key: 'completeness', header: h('completeness', l), width: 9, numFmt: '0%' },
      { key: 'localSupplyRate', header: h('localSupply', l), width: 10, numFmt: '0%' },
      ...kinds.map((k) => ({ key: k, header: kindHeader[k], width: 7, numFmt: '0' })),
      { key: 'gaps', header: h('gapCount', l), width: 8, numFmt: '0' },
      { key: 'candidates', header: h('candidates', l), width: 9, numFmt: '0' },
    ],
    rows: hb.overview.industries.map((r) => ({
      id: r.id,
      group: r.group,
      name: r.name,
      segments: r.segments,
      localFirms: r.localFirms,
      completeness: r.completeness,
      localSupplyRate: r.localSupplyRate,
      ...Object.fromEntries(kinds.map((k) => [k, r.counts[k]])),
      gaps: r.gaps,
      candidates: r.candidates,
    })),
  };
}

/** The gaps sheet: every gap of every chapter. */
export function gapsSheet(hb: Handbook, sep: string): SheetData {
  const l = hb.lang;
  return {
    name: h('gapsSheet', l),
    columns: [
      { key: 'industry', header: h('industry', l), width: 14 },
      { key: 'segmentId', header: 'id', width: 22 },
      { key: 'segment', header: h('segment', l), width: 22 },
      { key: 'stage', header: h('stage', l), width: 8 },
      { key: 'kind', header: h('kind', l), width: 8 },
      { key: 'priority', header: h('priority', l), width: 8, numFmt: '0.00' },
      { key: 'presence', header: h('presence', l), width: 8, numFmt: '0%' },
      { key: 'firmCount', header: h('firmsOnSegment', l), width: 8, numFmt: '0' },
      { key: 'localFirms', header: `${h('firmsOnSegment', l)} (${l === 'zh' ? '名称' : 'names'})`, width: 28 },
      { key: 'reasons', header: h('reasons', l), width: 80 },
    ],
    rows: hb.chapters.flatMap((c) =>
      c.gaps.map((g) => ({
        industry: g.industryName,
        segmentId: g.segment,
        segment: g.name,
        stage: g.stageLabel,
        kind: g.kindLabel,
        priority: g.priority,
        presence: g.presence,
        firmCount: g.firmCount,
        localFirms: g.localFirms.join(listSep(l)),
        reasons: g.reasons.join(sep),
      })),
    ),
  };
}

const L = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/** A column that reads its cell from an item: undefined leaves the cell empty (a number never stated is not 0). */
interface ItemColumn<T> extends SheetColumn {
  readonly value: (item: T) => string | number | undefined;
}

/** A sheet of items, one row each, the cells read by the columns. */
function itemSheet<T>(name: string, columns: readonly ItemColumn<T>[], items: readonly T[]): SheetData {
  return {
    name,
    columns: columns.map(({ value: _value, ...c }) => c),
    rows: items.map((item) => {
      const row: Record<string, string | number> = {};
      for (const c of columns) {
        const v = c.value(item);
        if (v !== undefined) row[c.key] = v;
      }
      return row;
    }),
  };
}

/**
 * The 重点项目 sheet: every project of the handbook (`handbook.projects`), amounts as numbers in 亿元 (empty when no
 * source states one; an estimate is flagged in its own column), with source, date and confidence.
 */
export function projectsSheet(hb: Handbook): SheetData {
  const l = hb.lang;
  return itemSheet<ProjectRow>(
    L(l, '重点项目清单', 'Key projects'),
    [
      { key: 'id', header: 'id', width: 18, value: (p) => p.id },
      { key: 'name', header: L(l, '项目', 'Project'), width: 34, value: (p) => p.name },
      { key: 'industry', header: h('industry', l), width: 14, value: (p) => p.industryName },
      { key: 'segment', header: h('segment', l), width: 18, value: (p) => p.segmentName },
      { key: 'investor', header: L(l, '投资方', 'Investor'), width: 24, value: (p) => p.investor },
      { key: 'amount', header: L(l, '投资额（亿元）', 'Amount (100 M yuan)'), width: 12, numFmt: '0.00', value: (p) => p.amount ?? undefined },
      { key: 'amountEstimated', header: L(l, '投资额为估计', 'Amount estimated'), width: 10, value: (p) => (p.amount === null ? '' : p.amountEstimated ? L(l, '是', 'yes') : L(l, '否', 'no')) },
      { key: 'stage', header: L(l, '阶段', 'Stage'), width: 10, value: (p) => p.stageLabel },
      { key: 'county', header: L(l, '区县', 'County'), width: 12, value: (p) => p.county },
      { key: 'park', header: L(l, '园区', 'Park'), width: 20, value: (p) => p.park },
      { key: 'note', header: L(l, '说明', 'Note'), width: 40, value: (p) => p.note },
      { key: 'source', header: L(l, '来源', 'Source'), width: 40, value: (p) => p.source },
      { key: 'asOf', header: L(l, '日期', 'As of'), width: 10, value: (p) => p.asOf },
      { key: 'confidence', header: L(l, '可信度', 'Confidence'), width: 8, value: (p) => p.confidenceLabel },
    ],
    hb.projects ?? [],
  );
}

/** The parks (载体) sheet: one row per park; industries and segments joined with the list separator, facts with `sep`. */
export function parksSheet(hb: Handbook, sep: string): SheetData {
  const l = hb.lang;
  return itemSheet<ParkRow>(
    L(l, '园区载体', 'Parks'),
    [
      { key: 'id', header: 'id', width: 18, value: (p) => p.id },
      { key: 'name', header: L(l, '园区/载体', 'Park or carrier'), width: 30, value: (p) => p.name },
      { key: 'county', header: L(l, '区县', 'County'), width: 12, value: (p) => p.county },
      { key: 'level', header: L(l, '级别', 'Level'), width: 12, value: (p) => p.levelLabel },
      { key: 'industries', header: L(l, '主导产业', 'Industries'), width: 24, value: (p) => p.industries.join(listSep(l)) },
      { key: 'segments', header: L(l, '主导环节', 'Segments'), width: 24, value: (p) => p.segments.join(listSep(l)) },
      { key: 'facts', header: L(l, '要点', 'Facts'), width: 60, value: (p) => p.facts.join(sep) },
      { key: 'source', header: L(l, '来源', 'Source'), width: 40, value: (p) => p.source },
      { key: 'asOf', header: L(l, '日期', 'As of'), width: 10, value: (p) => p.asOf },
      { key: 'confidence', header: L(l, '可信度', 'Confidence'), width: 8, value: (p) => p.confidenceLabel },
    ],
    hb.carriers?.parks ?? [],
  );
}

/** The policies sheet: one row per policy, with issuer, date, kind, scope, summary and source. */
export function policiesSheet(hb: Handbook): SheetData {
  const l = hb.lang;
  return itemSheet<PolicyRow>(
    L(l, '政策', 'Policies'),
    [
      { key: 'id', header: 'id', width: 18, value: (p) => p.id },
      { key: 'title', header: L(l, '政策', 'Policy'), width: 40, value: (p) => p.title },
      { key: 'issuer', header: L(l, '发布', 'Issuer'), width: 20, value: (p) => p.issuer },
      { key: 'date', header: L(l, '日期', 'Date'), width: 10, value: (p) => p.date },
      { key: 'kind', header: L(l, '类别', 'Kind'), width: 12, value: (p) => p.kindLabel },
      { key: 'scope', header: L(l, '范围', 'Scope'), width: 20, value: (p) => p.scope },
      { key: 'summary', header: L(l, '要点', 'Summary'), width: 60, value: (p) => p.summary },
      { key: 'source', header: L(l, '来源', 'Source'), width: 40, value: (p) => p.source },
      { key: 'confidence', header: L(l, '可信度', 'Confidence'), width: 8, value: (p) => p.confidenceLabel },
    ],
    hb.carriers?.policies ?? [],
  );
}
