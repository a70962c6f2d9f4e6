import { resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { analyzeGaps } from '../../gaps/analyzeGaps.js';
import { GAP_KIND_LABELS, GAP_KINDS, type GapAnalysis, type GapKind } from '../../gaps/types.js';
import type { HandbookInputs } from '../../handbook/buildHandbookFromResults.js';
import { chainModel, type ChainModel } from '../../model/chainModel.js';
import type { Dataset } from '../../schema/dataset.js';
import { topTargetsByIndustry, type IndustryTargets } from '../../scoring/topTargetsByIndustry.js';
import { contextFor, parseOptions, type CliIo, type CommandContext } from '../context.js';
import { renderRows, toJson } from '../output.js';
import { datasetInfo } from '../../dataset/datasetInfo.js';

const StartArgs = z.object({
  top: z.coerce.number().int().min(1).max(50).default(3),
  gaps: z.coerce.number().int().min(1).max(100).default(10),
  out: z.string().default('out'),
  handbook: z.boolean().default(true),
});

const KINDS: readonly GapKind[] = GAP_KINDS.filter((k) => k !== 'none');

/** One row of the per-industry summary printed by `start`. */
interface IndustryRow {
  readonly id: string;
  readonly name: string;
  readonly completeness: number;
  readonly localSupplyRate: number;
  readonly gaps: string;
  readonly topGap: string;
  readonly targets: string;
}

function industryRows(ctx: CommandContext, ds: Dataset, gaps: GapAnalysis, targets: readonly IndustryTargets[]): (IndustryRow & Record<string, unknown>)[] {
  const segName = new Map(gaps.segments.map((s) => [s.id, ctx.lang === 'zh' ? s.name : s.nameEn]));
  const kindOf = new Map(gaps.segments.map((s) => [s.id, s.kind]));
  return gaps.industries.map((s) => {
    const industry = ds.industries.find((i) => i.id === s.id);
    const first = s.topGaps[0];
    const t = targets.find((x) => x.industry === s.id);
    return {
      id: s.id,
      name: ctx.lang === 'zh' ? (industry?.name ?? s.name) : (industry?.nameEn ?? s.nameEn),
      completeness: s.completeness,
      localSupplyRate: s.localSupplyRate,
      gaps: KINDS.map((k) => `${GAP_KIND_LABELS[k][ctx.lang]}${s.counts[k]}`).join(' '),
      topGap: first !== undefined ? `${segName.get(first) ?? first}（${GAP_KIND_LABELS[kindOf.get(first) ?? 'none'][ctx.lang]}）` : '',
      targets: (t?.ranking.items ?? []).map((i) => `${i.name}〔${ctx.lang === 'zh' ? i.approach.zh : i.approach.en}〕`).join('；'),
    };
  });
}

const COLUMNS = [
  { key: 'name', zh: '产业', en: 'Industry' },
  { key: 'completeness', zh: '完整度', en: 'Completeness' },
  { key: 'localSupplyRate', zh: '本地配套率', en: 'Local supply' },
  { key: 'gaps', zh: '缺口数', en: 'Gaps' },
  { key: 'topGap', zh: '首要缺口', en: 'Top gap' },
] as const;

function printSummary(ctx: CommandContext, ds: Dataset, gaps: GapAnalysis, targets: readonly IndustryTargets[], nGaps: number): void {
  const { io } = ctx;
  const info = datasetInfo(ds);
  const c = gaps.city;
  io.stdout.write(
    `${info.name}（${ctx.t('截至', 'as of')} ${info.asOf}）\n` +
      ctx.t(
        `${info.counts.industries} 条产业链 · ${info.counts.segments} 个环节 · ${info.counts.enterprises} 家本地企业 · ${info.counts.companies} 家目标企业\n` +
          `全市产业链完整度 ${c.completeness.toFixed(2)} · 本地配套率 ${c.localSupplyRate.toFixed(2)} · 补链 ${c.counts.fill} · 延链 ${c.counts.extend} · 强链 ${c.counts.strengthen} · 建链 ${c.counts.build}\n\n`,
        `${info.counts.industries} chains · ${info.counts.segments} segments · ${info.counts.enterprises} local firms · ${info.counts.companies} targets\n` +
          `City completeness ${c.completeness.toFixed(2)} · local supply ${c.localSupplyRate.toFixed(2)} · fill ${c.counts.fill} · extend ${c.counts.extend} · strengthen ${c.counts.strengthen} · build ${c.counts.build}\n\n`,
      ),
  );
  const rows = industryRows(ctx, ds, gaps, targets);
  io.stdout.write(`${ctx.t('一、各产业链缺口摘要', '1. Gaps per industry')}\n`);
  io.stdout.write(renderRows(rows, COLUMNS, 'table', ctx.lang));
  io.stdout.write(`\n${ctx.t(`二、全市前 ${nGaps} 个缺口`, `2. Top ${nGaps} gaps city-wide`)}\n`);
  gaps.segments
    .filter((g) => g.kind !== 'none')
    .slice(0, nGaps)
    .forEach((g, k) => {
      const reason = g.reasons[0];
      io.stdout.write(
        `${String(k + 1).padStart(2)}. [${GAP_KIND_LABELS[g.kind][ctx.lang]}] ${ctx.lang === 'zh' ? g.name : g.nameEn} ` +
          `(${ctx.t('优先级', 'priority')} ${g.priority.toFixed(2)})${reason ? ` — ${ctx.lang === 'zh' ? reason.zh : reason.en}` : ''}\n`,
      );
    });
  io.stdout.write(`\n${ctx.t('三、各产业重点目标企业〔建议招商方式〕', '3. Top targets per industry [suggested approach]')}\n`);
  for (const r of rows) io.stdout.write(`- ${r.name}: ${r.targets}\n`);
}

/** What `start` prints and writes, each computed once from one chain model. */
export interface StartResults {
  readonly model: ChainModel;
  readonly gaps: GapAnalysis;
  /** The top targets per industry (with the handbook: the first items of its industry rankings, the same objects). */
  readonly targets: readonly IndustryTargets[];
  /** The handbook's inputs (model, gaps, rankings), when the handbook is written. */
  readonly results?: HandbookInputs;
}

/**
 * The analyses behind `start`: the chain model and the gap analysis once; with the handbook, its rankings (every
 * candidate, per industry, reading that model and those gaps) give the printed top N too; without it, only the top N
 * per industry are ranked, on the same model.
 *
 * @param ds - the dataset
 * @param top - targets per industry to print
 * @param handbook - whether the handbook is written (then its rankings are computed here)
 * @param lang - the handbook language
 * @returns the model, the gaps, the printed targets and the handbook inputs
 * @example
 * const r = await startResults(liaocheng(), 3, true, 'zh');
 * r.results?.gaps === r.gaps; // true
 */
export async function startResults(ds: Dataset, top: number, handbook: boolean, lang: 'zh' | 'en'): Promise<StartResults> {
  const model = chainModel(ds);
  const gaps = analyzeGaps(model);
  if (!handbook) return { model, gaps, targets: topTargetsByIndustry(model, top, { gaps }) };
  // Loaded on demand: the handbook pulls in echarts and exceljs (~1 s), which --no-handbook never needs.
  const results = (await import('../../handbook/buildHandbook.js')).handbookResults(model, { lang }, gaps);
  const targets = ds.industries.map((ind) => {
    const ranking = results.industryRankings![ind.id]!;
    return { industry: ind.id, name: ind.name, nameEn: ind.nameEn, ranking: { ...ranking, items: ranking.items.slice(0, top) } };
  });
  return { model, gaps, targets, results };
}

/** `start`: the main job (npm start) — gap summary, top targets per industry, and the handbook in ./out. */
export function registerStart(program: Command, io: CliIo): void {
  program
    .command('start')
    .description('主任务：缺口摘要、各产业重点目标企业，并把招商手册写入 ./out / Main job: gap summary, top targets, handbook in ./out')
    .option('--top <n>', '每个产业列出的目标企业数 / targets per industry', '3')
    .option('--gaps <n>', '列出的全市缺口数 / city-wide gaps to list', '10')
    .option('--out <dir>', '手册输出目录 / handbook output directory', 'out')
    .option('--no-handbook', '不生成手册 / skip the handbook')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const args = parseOptions(StartArgs, opts, 'start');
      const ds = await ctx.loadData();
      const { gaps, targets, results } = await startResults(ds, args.top, args.handbook, ctx.lang);
      if (ctx.format === 'json') {
        io.stdout.write(toJson({ city: gaps.city, industries: gaps.industries, topGaps: gaps.segments.filter((g) => g.kind !== 'none').slice(0, args.gaps), targets }));
      } else {
        printSummary(ctx, ds, gaps, targets, args.gaps);
      }
      if (!args.handbook) return;
      const outDir = resolve(io.cwd, args.out);
      const { writeHandbookFiles } = await import('../../handbook/writeHandbookFiles.js');
      const { files } = await writeHandbookFiles(ds, { outDir, lang: ctx.lang, ...(results !== undefined ? { results } : {}) });
      const msg = ctx.t(`\n招商手册已生成：\n  ${files.html}\n  ${files.markdown}\n  ${files.xlsx}\n  ${files.csv}\n`, `\nHandbook written:\n  ${files.html}\n  ${files.markdown}\n  ${files.xlsx}\n  ${files.csv}\n`);
      (ctx.format === 'json' ? io.stderr : io.stdout).write(msg);
    });
}
