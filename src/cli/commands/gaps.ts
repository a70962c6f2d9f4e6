import { resolve } from 'node:path';
import Table from 'cli-table3';
import type { Command } from 'commander';
import * as z from 'zod';
import { UsageError, type Lang } from '../../errors.js';
import { analyzeGaps } from '../../gaps/analyzeGaps.js';
import { GAP_KIND_LABELS, GAP_KINDS, RESTRICTED_LABEL, SIZE_UNVERIFIED_LABEL, type ChainSummary, type GapAnalysis, type SegmentGap } from '../../gaps/types.js';
import { STAGE_LABELS } from '../../handbook/labels.js';
import type { Dataset } from '../../schema/dataset.js';
import { contextFor, parseOptions, type CliIo, type CommandContext } from '../context.js';
import { writeTableFile } from '../tableFile.js';
import { renderRows, sanitizeForTerminal, toJson, type Column } from '../output.js';
import { GAP_KIND_CANDIDATES, industryOrSubCandidates, resolveName } from '../resolveName.js';

const GapsArgs = z.object({
  industry: z.string().optional(),
  kind: z.enum(GAP_KINDS).optional(),
  top: z.coerce.number().int().positive().optional(),
  out: z.string().min(1).optional(),
  includeRestricted: z.boolean().optional(),
  withoutCorrections: z.boolean().optional(),
});

/** Rows shown in a terminal table when `--top` is not given. */
const DEFAULT_TABLE_ROWS = 20;

/** The `gaps` command's JSON: the analysis restricted by `--industry`, `--kind` and `--top`. */
export type GapsOutput = Pick<GapAnalysis, 'segments' | 'industries' | 'subDirections' | 'city'>;

/** The selection plus the summary of the industry or sub-direction asked for (table header only). */
type Selection = GapsOutput & { readonly focus?: ChainSummary };

function kindLabel(g: SegmentGap, lang: Lang): string {
  const label = kindOnly(g, lang);
  // Issue 14: a gap on a segment with a policy is 受限 (its kind kept in brackets).
  if (g.kind === 'none' || g.feasibility === undefined) return label;
  return lang === 'zh' ? `${RESTRICTED_LABEL.zh}（${label}）` : `${RESTRICTED_LABEL.en} (${label})`;
}

function kindOnly(g: SegmentGap, lang: Lang): string {
  const base = GAP_KIND_LABELS[g.kind][lang];
  // Issue 14: present, but weak only on estimated revenue: not 强链, 规模待核实.
  if (g.kind === 'none' && g.basis === 'size-unverified') return lang === 'zh' ? `${base}（${SIZE_UNVERIFIED_LABEL.zh}）` : `${base} (${SIZE_UNVERIFIED_LABEL.en})`;
  if (g.kind !== 'extend') return base;
  if (lang === 'zh') return `${base}（${g.direction === 'downstream' ? '下游' : '上游'}）`;
  return `${base} (${g.direction === 'downstream' ? 'down' : 'up'})`;
}

function detail(g: SegmentGap): string {
  switch (g.kind) {
    case 'extend':
      return g.direction;
    case 'strengthen':
      return g.weakness.join(';');
    case 'build':
      return g.unit !== undefined ? `${g.basis}:${g.unit}` : g.basis;
    default:
      return '';
  }
}

/**
 * Restrict an analysis to one industry (or sub-direction) id and one kind, keep the first `top`
 * segments (already sorted by priority, then id).
 *
 * @throws {UsageError} for an unknown industry / sub-direction id
 */
function select(a: GapAnalysis, d: Dataset, args: z.output<typeof GapsArgs>): Selection {
  let segments = a.segments;
  let industries = a.industries;
  let subDirections = a.subDirections;
  if (args.industry !== undefined) {
    const id = args.industry;
    const isIndustry = d.industries.some((i) => i.id === id);
    const isSub = d.industries.some((i) => i.subDirections.some((s) => s.id === id));
    if (!isIndustry && !isSub) {
      const valid = d.industries.map((i) => i.id).join(', ');
      throw new UsageError(`--industry: unknown industry or sub-direction "${id}"; valid industries: ${valid}`, `--industry：没有产业或细分方向“${id}”；可用产业：${valid}`);
    }
    segments = segments.filter((s) => (isIndustry ? s.industry === id : s.subDirection === id));
    industries = industries.filter((i) => (isIndustry ? i.id === id : subDirections.some((s) => s.id === id && s.industry === i.id)));
    subDirections = subDirections.filter((s) => (isIndustry ? s.industry === id : s.id === id));
  }
  if (args.kind !== undefined) segments = segments.filter((s) => s.kind === args.kind);
  if (args.top !== undefined) segments = segments.slice(0, args.top);
  const focus = args.industry === undefined ? undefined : [...industries, ...subDirections].find((x) => x.id === args.industry);
  return { segments, industries, subDirections, city: a.city, ...(focus ? { focus } : {}) };
}

/** Display width of one character in a terminal: 2 for CJK and full-width forms, else 1. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
    ? 2
    : 1;
}

/**
 * Wrap text to a display width: CJK text breaks between any two characters, Latin text at spaces
 * (a word longer than the width is cut). cli-table3's own wrapping cuts CJK text short.
 */
function wrap(text: string, width: number): string {
  const tokens = text.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const widthOf = (t: string): number => [...t].reduce((n, ch) => n + charWidth(ch), 0);
  for (let token of tokens) {
    if (/^\s+$/.test(token)) {
      if (w > 0 && w + 1 <= width) {
        line += ' ';
        w += 1;
      }
      continue;
    }
    while (widthOf(token) > width) {
      // a word wider than the column: cut it
      if (w > 0) {
        lines.push(line.trimEnd());
        line = '';
        w = 0;
      }
      let head = '';
      let hw = 0;
      for (const ch of token) {
        if (hw + charWidth(ch) > width) break;
        head += ch;
        hw += charWidth(ch);
      }
      lines.push(head);
      token = token.slice(head.length);
    }
    const tw = widthOf(token);
    if (w + tw > width) {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
    }
    line += token;
    w += tw;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.join('\n');
}

const COL_WIDTHS = [4, 14, 16, 14, 10, 50] as const;

function summaryLine(ctx: CommandContext, label: string, s: Pick<ChainSummary, 'completeness' | 'localSupplyRate' | 'counts'>): string {
  const counts = GAP_KINDS.map((k) => `${GAP_KIND_LABELS[k][ctx.lang]} ${s.counts[k]}`).join(' · ');
  return ctx.t(
    `${label}：完整度 ${s.completeness.toFixed(2)} · 本地配套率 ${s.localSupplyRate.toFixed(2)} · ${counts}\n`,
    `${label}: completeness ${s.completeness.toFixed(2)} · local supply rate ${s.localSupplyRate.toFixed(2)} · ${counts}\n`,
  );
}

function renderTable(ctx: CommandContext, d: Dataset, out: Selection, total: number): string {
  const industryName = new Map(d.industries.map((i) => [i.id, ctx.lang === 'zh' ? i.name : i.nameEn]));
  let text = summaryLine(ctx, ctx.t(`${d.meta.home.city}全市`, `City total`), out.city);
  if (out.focus) text += summaryLine(ctx, ctx.lang === 'zh' ? out.focus.name : out.focus.nameEn, out.focus);
  const table = new Table({
    head: ctx.lang === 'zh' ? ['#', '类型', '环节', '产业', '优先级', '理由'] : ['#', 'Kind', 'Segment', 'Industry', 'Priority', 'Reason'],
    colWidths: [...COL_WIDTHS],
    style: { head: [], border: [] },
  });
  out.segments.forEach((g, k) => {
    const reasons = g.reasons.filter((r) => r.code !== 'priority').map((r) => (ctx.lang === 'zh' ? r.zh : r.en));
    const cells = [String(k + 1), kindLabel(g, ctx.lang), ctx.lang === 'zh' ? g.name : g.nameEn, industryName.get(g.industry) ?? g.industry, g.priority.toFixed(2), reasons.join(ctx.t('；', '; '))];
    table.push(cells.map((c, i) => wrap(sanitizeForTerminal(c), COL_WIDTHS[i]! - 2)));
  });
  text += `${table.toString()}\n`;
  if (out.segments.length < total) {
    text += ctx.t(
      `共 ${total} 个环节，显示前 ${out.segments.length} 个；用 --top N 显示更多，--format json 查看全部度量与理由。\n`,
      `${total} segments, showing the first ${out.segments.length}; use --top N for more, --format json for every measure and reason.\n`,
    );
  }
  return text;
}

const CSV_COLUMNS: readonly Column[] = [
  { key: 'rank', zh: '序号', en: 'rank' },
  { key: 'id', zh: 'id', en: 'id' },
  { key: 'name', zh: '环节', en: 'name' },
  { key: 'nameEn', zh: '英文名', en: 'nameEn' },
  { key: 'industry', zh: '产业', en: 'industry' },
  { key: 'subDirection', zh: '细分方向', en: 'subDirection' },
  { key: 'stage', zh: '阶段', en: 'stage' },
  { key: 'kind', zh: '缺口类型代码', en: 'kind' },
  { key: 'kindLabel', zh: '缺口类型', en: 'kindLabel' },
  { key: 'detail', zh: '细节', en: 'detail' },
  { key: 'priority', zh: '优先级', en: 'priority', digits: 4 },
  { key: 'presence', zh: '存在度', en: 'presence', digits: 4 },
  { key: 'relatedness', zh: '关联密度', en: 'relatedness', digits: 4 },
  { key: 'demandPull', zh: '需求拉动', en: 'demandPull', digits: 4 },
  { key: 'supplyPush', zh: '供给推动', en: 'supplyPush', digits: 4 },
  { key: 'localSupplyRate', zh: '本地配套率', en: 'localSupplyRate', digits: 4 },
  { key: 'pagerank', zh: 'PageRank', en: 'pagerank', digits: 4 },
  { key: 'betweenness', zh: '介数中心性', en: 'betweenness', digits: 4 },
  { key: 'hhi', zh: 'HHI', en: 'hhi', digits: 4 },
  { key: 'firmCount', zh: '本地企业数', en: 'firmCount' },
  { key: 'localRevenue', zh: '本地营收(亿元)', en: 'localRevenue', digits: 4 },
  { key: 'localFirms', zh: '本地企业', en: 'localFirms' },
  { key: 'evidence', zh: '企业记录', en: 'evidence' },
  { key: 'reasons', zh: '理由', en: 'reasons' },
];

/** Issue 14: what the data says about a segment's firms, in the words of the CSV. */
const EVIDENCE_ZH: Readonly<Record<NonNullable<SegmentGap['evidence']>, string>> = {
  'firms-on-record': '有企业记录',
  'corrected-present': '更正记录：已有',
  'verified-absent': '已核实无企业',
  'no-record': '未见本地企业记录（待核实）',
};

function csvRows(out: GapsOutput, lang: Lang, d: Dataset): Record<string, unknown>[] {
  const names = new Map(d.industries.flatMap((i) => [[i.id, lang === 'zh' ? i.name : i.nameEn] as const, ...i.subDirections.map((s) => [s.id, lang === 'zh' ? s.name : s.nameEn] as const)]));
  return out.segments.map((g, k) => ({
    rank: k + 1,
    id: g.id,
    name: g.name,
    nameEn: g.nameEn,
    industry: names.get(g.industry) ?? g.industry,
    subDirection: g.subDirection !== undefined ? (names.get(g.subDirection) ?? g.subDirection) : '',
    stage: STAGE_LABELS[g.stage][lang],
    kind: g.kind,
    kindLabel: kindLabel(g, lang),
    detail: detail(g),
    priority: g.priority,
    ...Object.fromEntries(Object.entries(g.measures).map(([key, v]) => [key, v === null ? '' : v])),
    localFirms: g.localFirms,
    evidence: lang === 'zh' ? EVIDENCE_ZH[g.evidence ?? 'no-record'] : (g.evidence ?? ''),
    reasons: g.reasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join(' | '),
  }));
}

/** `gaps`: the gap list (补链/延链/强链/建链) with priorities and reasons. */
export function registerGaps(program: Command, io: CliIo): void {
  program
    .command('gaps')
    .description('产业链缺口分析：补链/延链/强链/建链，含优先级与理由 / Chain gap analysis: fill, extend, strengthen, build, with priorities and reasons')
    .option('--industry <name>', '只看一个产业或细分方向（名称或 id，如 新能源） / only one industry or sub-direction (name or id)')
    .option('--kind <kind>', '只看一类缺口 补链|延链|强链|建链|无缺口（或 fill|extend|strengthen|build|none） / only one gap kind')
    .option('--out <file>', '把缺口清单写入文件：.xlsx 为 Excel 工作簿，其他为 CSV / write the gap list to a file (.xlsx workbook, else CSV)')
    .option('--include-restricted', '受限环节（负面清单、两高、产能置换、无港口、准入）也按计算优先级排入清单 / keep restricted gaps in the list with their computed priority')
    .option('--without-corrections', '不读更正记录（corrections.json），按数据原样分析 / ignore corrections.json')
    .option('--top <n>', `只显示前 N 个（表格默认 ${DEFAULT_TABLE_ROWS}，json/csv 默认全部） / show the first N (table default ${DEFAULT_TABLE_ROWS}, json/csv all)`)
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      // 补链 / fill / 无缺口 … → the kind id; an unknown kind is a usage error with the closest kinds.
      const kind = typeof opts['kind'] === 'string' ? resolveName(GAP_KIND_CANDIDATES, opts['kind'], '--kind') : opts['kind'];
      const r = { data: parseOptions(GapsArgs, { industry: opts['industry'], kind, top: opts['top'], out: opts['out'], includeRestricted: opts['includeRestricted'], withoutCorrections: opts['withoutCorrections'] }, 'gaps') };
      const dataset = await ctx.loadData();
      // 新能源 / New energy / new-energy / a sub-direction's name → its id.
      const industry = r.data.industry === undefined ? undefined : resolveName(industryOrSubCandidates(dataset), r.data.industry, '--industry');
      const analysis = analyzeGaps(dataset, { includeRestricted: r.data.includeRestricted === true, applyCorrections: r.data.withoutCorrections !== true });
      const all = select(analysis, dataset, { ...r.data, industry, top: undefined });
      const top = r.data.top ?? (ctx.format === 'table' ? DEFAULT_TABLE_ROWS : undefined);
      const out = top === undefined ? all : { ...all, segments: all.segments.slice(0, top) };
      if (r.data.out !== undefined) {
        // The file holds every selected gap (--top limits it only when given).
        const listed = r.data.top === undefined ? all : out;
        await writeTableFile(resolve(io.cwd, r.data.out), csvRows(listed, ctx.lang, dataset), CSV_COLUMNS, ctx.lang, ctx.t('缺口清单', 'Gaps'));
        io.stderr.write(ctx.t(`已写入：${r.data.out}\n`, `written: ${r.data.out}\n`));
      }
      if (ctx.format === 'json') io.stdout.write(toJson({ segments: out.segments, industries: out.industries, subDirections: out.subDirections, city: out.city }));
      else if (ctx.format === 'csv') io.stdout.write(renderRows(csvRows(out, ctx.lang, dataset), CSV_COLUMNS, 'csv', ctx.lang));
      else io.stdout.write(renderTable(ctx, dataset, out, all.segments.length));
    });
}
