import type { Command } from 'commander';
import type { Lang } from '../../errors.js';
import { STAGE_LABELS } from '../../handbook/labels.js';
import type { Dataset } from '../../schema/dataset.js';
import { contextFor, type CliIo } from '../context.js';
import { renderRows, toJson, type Column } from '../output.js';
import { countyCandidates, industryCandidates, resolveName, type CandidateSet } from '../resolveName.js';

/** What `list` can list. */
export const LIST_KINDS = ['industries', 'segments', 'enterprises', 'companies', 'counties'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

const KIND_SET: CandidateSet = {
  what: { zh: '清单', en: 'list' },
  items: [
    { id: 'industries', zh: '产业', en: 'Industries', aliases: ['industry', '细分方向', 'sub-directions'] },
    { id: 'segments', zh: '环节', en: 'Segments', aliases: ['segment', '产业链环节'] },
    { id: 'enterprises', zh: '本地企业', en: 'Enterprises', aliases: ['enterprise', 'local'] },
    { id: 'companies', zh: '目标企业', en: 'Companies', aliases: ['company', '企业'] },
    { id: 'counties', zh: '区县', en: 'Counties', aliases: ['county', 'places'] },
  ],
};

/** One listing: its columns (key, zh and en headers) and rows. */
export interface Listing {
  readonly columns: readonly Column[];
  readonly rows: readonly Record<string, unknown>[];
}

const LEVEL_ZH: Readonly<Record<string, string>> = { district: '市辖区', county: '县', 'county-city': '县级市', park: '园区', city: '地级市', province: '省', foreign: '境外' };

const col = (key: string, zh: string, en: string): Column => ({ key, zh, en });

/**
 * Names and ids of one kind of thing in a dataset, optionally of one industry (an id): what an analyst can type
 * into `--industry`, `--land`, `--close`, `--must` … The `id` column is the exact id; names and aliases work too.
 *
 * @example
 * listNames(liaocheng(), 'counties', 'zh').rows[0]; // { name: '东昌府区', id: '东昌府区', nameEn: 'Dongchangfu District', level: 'district' }
 */
export function listNames(ds: Dataset, kind: ListKind, lang: Lang, industry?: string): Listing {
  const pick = (zh: string, en: string | undefined): string => (lang === 'zh' ? zh : en !== undefined && en !== '' ? en : zh);
  const industryName = new Map(ds.industries.map((i) => [i.id, pick(i.name, i.nameEn)]));
  const segment = new Map(ds.segments.map((s) => [s.id, s]));
  const segName = (id: string): string => {
    const s = segment.get(id);
    return s === undefined ? id : pick(s.name, s.nameEn);
  };
  const inIndustry = (segs: readonly string[] | undefined, industries?: readonly string[]): boolean =>
    industry === undefined || (segs ?? []).some((s) => segment.get(s)?.industry === industry) || (industries ?? []).includes(industry);
  switch (kind) {
    case 'industries':
      return {
        columns: [col('type', '类型', 'Type'), col('name', '名称', 'Name'), col('id', 'id', 'ID'), col('nameEn', '英文名', 'English name'), col('industry', '所属产业', 'Industry'), col('segments', '环节数', 'Segments')],
        rows: ds.industries
          .filter((i) => industry === undefined || i.id === industry)
          .flatMap((i) => [
            { type: lang === 'zh' ? '产业' : 'industry', name: i.name, id: i.id, nameEn: i.nameEn, industry: '', segments: ds.segments.filter((s) => s.industry === i.id).length },
            ...i.subDirections.map((s) => ({
              type: lang === 'zh' ? '细分方向' : 'sub-direction',
              name: s.name,
              id: s.id,
              nameEn: s.nameEn,
              industry: industryName.get(i.id) ?? i.id,
              segments: ds.segments.filter((g) => g.subDirection === s.id).length,
            })),
          ]),
      };
    case 'segments':
      return {
        columns: [col('name', '环节', 'Segment'), col('id', 'id', 'ID'), col('nameEn', '英文名', 'English name'), col('industry', '产业', 'Industry'), col('stage', '阶段', 'Stage')],
        rows: ds.segments
          .filter((s) => industry === undefined || s.industry === industry)
          .map((s) => ({ name: s.name, id: s.id, nameEn: s.nameEn, industry: industryName.get(s.industry) ?? s.industry, stage: lang === 'zh' ? STAGE_LABELS[s.stage].zh : STAGE_LABELS[s.stage].en })),
      };
    case 'enterprises':
      return {
        columns: [col('name', '本地企业', 'Enterprise'), col('id', 'id', 'ID'), col('county', '区县', 'County'), col('segments', '环节', 'Segments'), col('chainLeader', '链主', 'Chain leader')],
        rows: ds.enterprises
          .filter((e) => inIndustry(e.segments))
          .map((e) => ({ name: e.name, id: e.id, county: e.county, segments: e.segments.map(segName).join(lang === 'zh' ? '、' : ', '), chainLeader: e.chainLeader === true ? (lang === 'zh' ? '是' : 'yes') : '' })),
      };
    case 'companies':
      return {
        columns: [col('name', '企业', 'Company'), col('id', 'id', 'ID'), col('aliases', '简称', 'Aliases'), col('hq', '总部', 'Headquarters'), col('segments', '环节', 'Segments')],
        rows: ds.companies
          .filter((c) => inIndustry(c.segments, c.industries))
          .map((c) => ({
            name: c.name,
            id: c.id,
            aliases: (c.aliases ?? []).join(lang === 'zh' ? '、' : ', '),
            hq: c.hq.city === c.hq.province ? c.hq.city : `${c.hq.province}${c.hq.city}`,
            segments: (c.segments ?? []).map(segName).join(lang === 'zh' ? '、' : ', '),
          })),
      };
    case 'counties':
      return {
        columns: [col('name', '区县', 'County'), col('id', 'id', 'ID'), col('nameEn', '英文名', 'English name'), col('level', '级别', 'Level')],
        rows: countyCandidates(ds).items.map((c) => {
          const city = ds.cities.find((x) => x.name === c.id);
          const level = city?.level ?? '';
          return { name: c.zh, id: c.id, nameEn: c.en, level: lang === 'zh' ? (LEVEL_ZH[level] ?? level) : level };
        }),
      };
  }
}

/** `list`: names and ids of industries, segments, local enterprises, target companies or counties. */
export function registerList(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('列出名称与 id：industries 产业|segments 环节|enterprises 本地企业|companies 目标企业|counties 区县 / List names and ids')
    .argument('<what>', 'industries|segments|enterprises|companies|counties（或 产业|环节|本地企业|目标企业|区县）')
    .option('--industry <name>', '只列该产业的（名称或 id） / only those of this industry (name or id)')
    .action(async (what: string, opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const kind = resolveName(KIND_SET, what, 'list') as ListKind;
      const ds = await ctx.loadData();
      const industry = typeof opts['industry'] === 'string' ? resolveName(industryCandidates(ds), opts['industry'], '--industry') : undefined;
      const { columns, rows } = listNames(ds, kind, ctx.lang, industry);
      if (ctx.format === 'json') io.stdout.write(toJson(rows));
      else io.stdout.write(renderRows(rows, columns, ctx.format, ctx.lang));
    });
}
