import { resolve } from 'node:path';
import Table from 'cli-table3';
import type { Command } from 'commander';
import * as z from 'zod';
import { UsageError, type Lang } from '../../errors.js';
import { GAP_KIND_LABELS } from '../../gaps/types.js';
import { chainModel } from '../../model/chainModel.js';
import { rankCompanies } from '../../scoring/rankCompanies.js';
import { planVisits } from '../../whatif/planVisits.js';
import { runScenario } from '../../whatif/runScenario.js';
import type { VisitPlan } from '../../whatif/types.js';
import { datasetWithCompanies } from '../companiesArg.js';
import { writeTableFile } from '../tableFile.js';
import { contextFor, parseOptions, type CliIo, type CommandContext } from '../context.js';
import { renderRows, toJson, type Column } from '../output.js';
import { weightsNameArg } from '../args.js';
import { companyCandidates, industryCandidates, resolveName } from '../resolveName.js';
import { readScenarioFile } from '../scenarioFile.js';
import { wrapCells } from '../wrapCells.js';

const PlanArgs = z.object({
  top: z.coerce.number().int().positive().max(10_000).optional(),
  companies: z.string().min(1).optional(),
  days: z.coerce.number().int().positive().max(365).default(7),
  citiesPerDay: z.coerce.number().int().positive().max(50).default(2),
  maxPerDay: z.coerce.number().int().positive().max(20).optional(),
  clusterKm: z.coerce.number().positive().max(2000).optional(),
  travelDayKm: z.coerce.number().positive().max(20_000).optional(),
  out: z.string().min(1).optional(),
  industry: z.string().min(1).optional(),
  weights: weightsNameArg.default('balanced'),
  must: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  scenario: z.string().min(1).optional(),
});

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function gapsText(c: VisitPlan['chosen'][number], lang: Lang): string {
  return c.gaps.map((g) => `${lang === 'zh' ? g.name : g.nameEn}(${GAP_KIND_LABELS[g.kind][lang]} ${g.priority.toFixed(2)})`).join(lang === 'zh' ? '、' : ', ');
}

function renderTable(ctx: CommandContext, plan: VisitPlan, homeCity: string): string {
  const lang = ctx.lang;
  const byId = new Map(plan.chosen.map((c) => [c.id, c]));
  const widths = [12, 16, 30, 46];
  const table = new Table({ head: lang === 'zh' ? ['日程', '城市', '企业（排名）', '覆盖缺口'] : ['Day', 'City', 'Company (rank)', 'Gaps covered'], colWidths: widths, style: { head: [], border: [] } });
  for (const d of plan.itinerary) {
    d.stops.forEach((s, k) => {
      for (const [j, c] of s.companies.entries()) {
        const p = byId.get(c.id)!;
        const where = d.regions.length > 0 ? `\n${d.regions.join(ctx.t('、', ', '))}` : '';
        const travel = d.travelDayBefore ? ctx.t(`\n（前一天为路途日）`, '\n(after a travel day)') : '';
        const day = k === 0 && j === 0 ? `${ctx.t(`第${d.day}天`, `Day ${d.day}`)}${where}${travel}` : '';
        const city = j === 0 ? `${s.city}${ctx.t(`（${s.km}公里）`, ` (${s.km} km)`)}` : '';
        table.push(wrapCells([day, city, `${c.name}（${p.rank}）${p.required ? ' *' : ''}`, gapsText(p, lang) || ctx.t('—', '—')], widths));
      }
    });
  }
  const cov = plan.coverage;
  const gain = cov.topK > 0 ? ((cov.achieved / cov.topK - 1) * 100).toFixed(0) : '—';
  let out = ctx.t(
    `拜访计划：${plan.chosen.length} 家企业 · 拜访 ${plan.itinerary.length} 天、路途 ${plan.travelDays} 天 · 从${homeCity}出发，全程约 ${plan.totalKm} 公里、铁路约 ${plan.railHours} 小时（含返程）\n`,
    `Visit plan: ${plan.chosen.length} companies · ${plan.itinerary.length} visiting days, ${plan.travelDays} travel days · from ${homeCity}, about ${plan.totalKm} km and ${plan.railHours} h by rail in all (return included)\n`,
  );
  out += `${table.toString()}\n`;
  out += ctx.t(
    `缺口覆盖 ${cov.achieved.toFixed(2)}（按得分前 ${plan.settings.companies} 家：${cov.topK.toFixed(2)}，${gain === '—' ? '—' : `${Number(gain) >= 0 ? '+' : ''}${gain}%`}；全部候选：${cov.allCandidates.toFixed(2)}）\n`,
    `Gap coverage ${cov.achieved.toFixed(2)} (top ${plan.settings.companies} by score: ${cov.topK.toFixed(2)}, ${gain === '—' ? '—' : `${Number(gain) >= 0 ? '+' : ''}${gain}%`}; all candidates: ${cov.allCandidates.toFixed(2)})\n`,
  );
  out += `${lang === 'zh' ? plan.tradeoff.zh : plan.tradeoff.en}\n`;
  out += `${lang === 'zh' ? plan.guarantee.zh : plan.guarantee.en}\n`;
  return out;
}

/** Columns of the plan CSV (Chinese headers by default). */
const PLAN_CSV_COLUMNS: readonly Column[] = [
  { key: 'day', zh: '第几天', en: 'Day' },
  { key: 'city', zh: '城市', en: 'City' },
  { key: 'province', zh: '省份', en: 'Province' },
  { key: 'km', zh: '里程(公里)', en: 'km' },
  { key: 'name', zh: '企业', en: 'Company' },
  { key: 'rank', zh: '名次', en: 'Rank' },
  { key: 'score', zh: '得分', en: 'Score', digits: 4 },
  { key: 'marginalGain', zh: '边际覆盖增益', en: 'Marginal gain', digits: 4 },
  { key: 'required', zh: '必访', en: 'Required' },
  { key: 'gaps', zh: '覆盖缺口', en: 'Gaps covered' },
  { key: 'id', zh: 'id', en: 'ID' },
];

function planRows(plan: VisitPlan, lang: Lang): Record<string, unknown>[] {
  const byId = new Map(plan.chosen.map((c) => [c.id, c]));
  const rows = plan.itinerary.flatMap((d) =>
    d.stops.flatMap((s) => s.companies.map((c) => {
      const p = byId.get(c.id)!;
      return { day: d.day, city: s.city, province: s.province, km: s.km, id: c.id, name: c.name, rank: p.rank, score: p.score, marginalGain: p.marginalGain, required: p.required ? 1 : 0, gaps: gapsText(p, lang) };
    })),
  );
  return rows;
}

function csvOut(plan: VisitPlan, lang: Lang): string {
  return renderRows(planRows(plan, lang), PLAN_CSV_COLUMNS, 'csv', lang);
}

/** `plan`: choose K companies that cover the most gaps and group them into a day-by-day itinerary. */
export function registerPlan(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description('拜访计划：选出覆盖缺口最多的 K 家企业，按城市排成日程 / Visit plan: K companies covering the most gaps, as an itinerary')
    .option('--top <n>', '拜访企业数（默认 30） / companies to visit (default 30)')
    .option('--companies <file>', '用 JSON 文件中的企业（如 import --out 的结果）代替内置目标企业；写数字时同 --top（旧用法） / use the companies in this JSON file (a number is read as --top, the old form)')
    .option('--days <n>', '天数（默认 7） / days (default 7)')
    .option('--cities-per-day <n>', '每天最多城市数（默认 2） / cities per day at most (default 2)')
    .option('--max-per-day <n>', '每天最多企业数（默认 3） / companies per day at most (default 3)')
    .option('--out <file>', '把行程写入文件：.xlsx 为 Excel 工作簿，其他为 CSV / write the itinerary to a file (.xlsx workbook, else CSV)')
    .option('--cluster-km <km>', '同一天两个城市最远相距（默认 150 公里） / most km between two cities of one day (default 150)')
    .option('--travel-day-km <km>', '超过该距离的路程单独算一个路途日（默认 800 公里） / a longer leg takes a travel day (default 800)')
    .option('--industry <name>', '只考虑该产业的企业（名称或 id） / only companies of this industry (name or id)')
    .option('--weights <preset>', '排序权重方案 均衡|补短板|强链|前瞻布局（默认 均衡/balanced） / ranking weights preset')
    .option('--must <company>', '必访企业（名称、简称或 id，可重复） / a company that must be visited (name, alias or id; repeatable)', collect)
    .option('--exclude <company>', '不拜访的企业（名称、简称或 id，可重复） / a company not to visit (name, alias or id; repeatable)', collect)
    .option('--scenario <file>', '在情景下排计划（已落地、已排除的企业不再拜访） / plan under a what-if scenario')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const a = parseOptions(PlanArgs, opts, 'plan');
      // --companies N (the old form) is the count; --companies FILE is the list to plan from.
      const countArg = a.companies !== undefined && /^\d+$/.test(a.companies.trim()) ? Number(a.companies) : undefined;
      if (countArg !== undefined && a.top !== undefined && countArg !== a.top) {
        throw new UsageError('plan: give the count once (--top)', 'plan：拜访企业数只需给一次（--top）');
      }
      const count = a.top ?? countArg ?? 30;
      const loaded = await ctx.loadData();
      const ds = a.companies !== undefined && countArg === undefined ? await datasetWithCompanies(loaded, a.companies, ctx, io) : loaded;
      if (a.industry !== undefined) a.industry = resolveName(industryCandidates(ds), a.industry, '--industry');
      // --must / --exclude by id, name or alias (宁德时代, 中铝).
      const companies = companyCandidates(ds);
      a.must = a.must.map((c) => resolveName(companies, c, '--must'));
      a.exclude = a.exclude.map((c) => resolveName(companies, c, '--exclude'));
      const rankOptions = { weights: a.weights, ...(a.industry !== undefined ? { industry: a.industry } : {}) };
      const run = a.scenario !== undefined ? runScenario(ds, await readScenarioFile(resolve(io.cwd, a.scenario)), { rank: rankOptions }) : undefined;
      // One chain model of the planned dataset (the scenario's, when given) read by the ranking and the plan.
      const model = chainModel(run?.dataset ?? ds);
      const ranking = run?.ranking ?? rankCompanies(model, rankOptions);
      const plan = planVisits(model, ranking, {
        companies: count,
        days: a.days,
        citiesPerDay: a.citiesPerDay,
        mustInclude: a.must,
        exclude: a.exclude,
        ...(a.maxPerDay !== undefined ? { maxPerDay: a.maxPerDay } : {}),
        ...(a.clusterKm !== undefined ? { clusterKm: a.clusterKm } : {}),
        ...(a.travelDayKm !== undefined ? { travelDayKm: a.travelDayKm } : {}),
      });
      if (a.out !== undefined) {
        await writeTableFile(resolve(io.cwd, a.out), planRows(plan, ctx.lang), PLAN_CSV_COLUMNS, ctx.lang, ctx.t('拜访计划', 'Visit plan'));
        io.stderr.write(ctx.t(`已写入：${a.out}\n`, `written: ${a.out}\n`));
      }
      if (ctx.format === 'json') io.stdout.write(toJson(plan));
      else if (ctx.format === 'csv') io.stdout.write(csvOut(plan, ctx.lang));
      else io.stdout.write(renderTable(ctx, plan, ds.meta.home.city));
    });
}
