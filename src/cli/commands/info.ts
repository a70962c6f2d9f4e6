import type { Command } from 'commander';
import type { Dataset } from '../../schema/dataset.js';
import { contextFor, type CliIo } from '../context.js';
import { renderRows, toJson } from '../output.js';

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

const COLUMNS = [
  { key: 'id', zh: 'id', en: 'id' },
  { key: 'name', zh: '产业', en: 'Industry' },
  { key: 'group', zh: '分组', en: 'Group' },
  { key: 'subDirections', zh: '细分方向', en: 'Sub-directions' },
  { key: 'segments', zh: '环节', en: 'Segments' },
  { key: 'enterprises', zh: '本地企业', en: 'Local firms' },
  { key: 'companies', zh: '目标企业', en: 'Targets' },
] as const;

/** `info`: counts per file and per industry. */
export function registerInfo(program: Command, io: CliIo): void {
  program
    .command('info')
    .description('数据集概况：各文件与各产业的数量 / Dataset summary: counts per file and per industry')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const info = datasetInfo(await ctx.loadData());
      if (ctx.format === 'json') {
        io.stdout.write(toJson(info));
        return;
      }
      if (ctx.format === 'table') {
        const c = info.counts;
        io.stdout.write(
          `${info.name} (${info.id}, ${ctx.t('截至', 'as of')} ${info.asOf})\n` +
            ctx.t(
              `产业 ${c.industries} · 细分方向 ${c.subDirections} · 环节 ${c.segments} · 链接 ${c.links}（跨产业 ${c.crossIndustryLinks}） · 本地企业 ${c.enterprises} · 目标企业 ${c.companies} · 地点 ${c.cities}\n`,
              `industries ${c.industries} · sub-directions ${c.subDirections} · segments ${c.segments} · links ${c.links} (cross-industry ${c.crossIndustryLinks}) · local enterprises ${c.enterprises} · target companies ${c.companies} · places ${c.cities}\n`,
            ),
        );
      }
      io.stdout.write(renderRows(info.industries.map((i) => ({ ...i, name: ctx.lang === 'zh' ? i.name : i.nameEn })), COLUMNS, ctx.format, ctx.lang));
    });
}
