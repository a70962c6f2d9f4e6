import { resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { UsageError, describeIssue, type DataIssue, type Lang } from '../../errors.js';
import { validateWith } from '../../dataset/zodIssues.js';
import { LearnedWeightsFile, type Company, type Dataset } from '../../schema/index.js';
import { GAP_KIND_LABELS } from '../../gaps/types.js';
import { FEATURE_LABELS } from '../../scoring/labels.js';
import { WEIGHT_PRESETS } from '../../scoring/presets.js';
import { rankCompanies } from '../../scoring/rankCompanies.js';
import type { RankOptions } from '../../scoring/rankOptions.js';
import { FEATURE_NAMES, type RankedItem, type Ranking } from '../../scoring/types.js';
import { AhpWeightsSpec, CustomWeights, EntropyWeightsSpec, isWeightsName, type WeightsSpec } from '../../scoring/weightsSpec.js';
import { readJsonArg } from '../readJsonArg.js';
import { companiesFrom } from '../companiesArg.js';
import { stat, writeFile } from 'node:fs/promises';
import { chooseEngine } from '../../engine/chooseEngine.js';
import { formatOf } from '../../engine/sourceSql.js';
import { rankWithDuckDb, readCompaniesFile } from '../../engine/rankWithDuckDb.js';
import { rankCitiesWithDuckDb } from '../../engine/rankCitiesWithDuckDb.js';
import { loadDataset } from '../../io/loadDataset.js';
import { emitScoringSql } from '../../engine/emitScoringSql.js';
import { writeTableFile } from '../tableFile.js';
import { contextFor, parseOptions, type CliIo, type CommandContext } from '../context.js';
import { renderRows, toJson, type Column } from '../output.js';
import { methodArg, weightsArg } from '../args.js';
import { industryCandidates, resolveName } from '../resolveName.js';

const RankArgs = z.object({
  industry: z.string().min(1).optional(),
  top: z.coerce.number().int().positive().default(20),
  weights: weightsArg.default('balanced'),
  method: methodArg.default('weighted'),
  companies: z.string().min(1).optional(),
  stability: z.boolean().default(false),
  includeOffChain: z.boolean().default(false),
  includeLocal: z.boolean().default(false),
  includeUnrelated: z.boolean().default(false),
  out: z.string().min(1).optional(),
  // 自动 / 内存 accepted beside auto / memory (DuckDB is its own name in both languages).
  engine: z.preprocess((v) => (typeof v === 'string' ? ({ 自动: 'auto', 内存: 'memory', duckdb: 'duckdb', DuckDB: 'duckdb' } as Record<string, string>)[v.trim()] ?? v : v), z.enum(['auto', 'memory', 'duckdb'])).default('auto'),
  datasets: z.string().min(1).optional(),
  scoredOut: z.string().min(1).optional(),
  emitSql: z.string().min(1).optional(),
  dialect: z.enum(['spark', 'trino', 'duckdb']).default('spark'),
});

/** `--weights`: a preset name or `entropy`, else a JSON file with custom weights or `{ method: 'ahp', matrix }`. */
async function weightsFrom(arg: string, cwd: string): Promise<WeightsSpec> {
  if (isWeightsName(arg)) return arg;
  if (!arg.toLowerCase().endsWith('.json')) {
    const names = [...Object.keys(WEIGHT_PRESETS), 'entropy', 'learned'].join(', ');
    throw new UsageError(`--weights: "${arg}" is neither a preset (${names}) nor a .json file`, `--weights：“${arg}”既不是预设方案（${names}），也不是 .json 文件`);
  }
  const path = resolve(cwd, arg);
  const { value, file } = await readJsonArg(path, '--weights');
  // A learned-weights.json (weights with their provenance, as `backtest --write-learned` writes it) gives its weights,
  // validated as the file (strict: a misspelt key is an error naming the file and key). It is told by its `weights` or
  // `fittedOn` key — custom weights never have a `weights` key (their schema is strict), so a misspelt `fitedOn` is
  // still read as a learned-weights file and named; any other file is custom weights or an AHP matrix, as before.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value as WeightsSpec;
  if (Object.hasOwn(value, 'fittedOn') || Object.hasOwn(value, 'weights')) {
    const learned = validateWith(LearnedWeightsFile, value, file);
    if (learned.ok) return learned.value.weights as WeightsSpec;
    // `{ "weights": { … } }` without provenance is most likely custom weights wrapped by mistake.
    const hint = Object.hasOwn(value, 'fittedOn')
      ? undefined
      : { en: 'custom weights go at the top level, e.g. {"gapFit": 0.4, "scale": 0.2}', zh: '自定义权重直接写在顶层，如 {"gapFit": 0.4, "scale": 0.2}' };
    throw weightsFileError(path, { en: 'a valid learned-weights file', zh: '有效的学习权重文件' }, learned.issues, hint);
  }
  // Custom weights, entropy or an AHP matrix: validated here against the file, so a misspelt feature (gapfit) is named
  // with the nearest one in the analyst's language, not left to a generic options error.
  const method = (value as Record<string, unknown>).method;
  const [schema, kind] =
    method === 'ahp'
      ? [AhpWeightsSpec, { en: 'a valid AHP weights file', zh: '有效的 AHP 权重文件' }]
      : method === 'entropy'
        ? [EntropyWeightsSpec, { en: 'a valid entropy weights file', zh: '有效的熵权法文件' }]
        : [CustomWeights, { en: 'valid custom weights', zh: '有效的自定义权重' }];
  const checked = validateWith(schema as z.ZodType<unknown>, value, file);
  if (!checked.ok) throw weightsFileError(path, kind, checked.issues);
  return value as WeightsSpec;
}

/** A `--weights` file that does not validate: a usage error naming the file and its first problems, in both languages. */
function weightsFileError(path: string, kind: { en: string; zh: string }, issues: readonly DataIssue[], hint?: { en: string; zh: string }): UsageError {
  const n = issues.length;
  const shown = issues.slice(0, 5);
  const more = (lang: Lang): string => (n > shown.length ? (lang === 'zh' ? `；另有 ${n - shown.length} 个` : `; and ${n - shown.length} more`) : '');
  return new UsageError(
    `--weights: ${path} is not ${kind.en} (${n} problem${n === 1 ? '' : 's'}): ${shown.map((i) => describeIssue(i, 'en')).join('; ')}${more('en')}${hint !== undefined ? ` (${hint.en})` : ''}`,
    `--weights：文件 ${path} 不是${kind.zh}（${n} 个问题）：${shown.map((i) => describeIssue(i, 'zh')).join('；')}${more('zh')}${hint !== undefined ? `（${hint.zh}）` : ''}`,
    issues.map((i) => describeIssue(i, 'en')),
  );
}

function text(r: { zh: string; en: string }, lang: Lang): string {
  return lang === 'zh' ? r.zh : r.en;
}

/** A reason cut to its lead phrase for the terminal table (the JSON and CSV keep the full text). */
function shortReason(r: { code: string; zh: string; en: string }, lang: Lang): string {
  const full = text(r, lang);
  // Cut after the first quoted name (names may contain brackets or commas themselves).
  const open = lang === 'zh' ? full.indexOf('“') : full.indexOf('"');
  const close = open < 0 ? -1 : lang === 'zh' ? full.indexOf('”', open + 1) : full.indexOf('"', open + 1);
  const from = close < 0 ? 0 : close + 1;
  const rest = full.slice(from);
  const at = r.code.startsWith('gap-fit.') ? -1 : lang === 'zh' ? rest.search(/[（：，]/) : rest.search(/ \(|: |, /);
  const cut = at < 0 ? -1 : from + at;
  const lead = cut >= 4 ? full.slice(0, cut) : full;
  const max = lang === 'zh' ? 32 : 64;
  return lead.length > max ? `${lead.slice(0, max - 1)}…` : lead;
}

function stabilityText(item: RankedItem): string {
  const s = item.stability;
  if (s === undefined) return '';
  return `${s.p10}–${s.p90}${s.knifeEdge === true ? ' ⚠' : ''}`;
}

/** Under the header of a ranking by the learned weights: what they rest on, in words a bureau can judge. */
function learnedNote(ctx: CommandContext, r: Ranking, ds: Dataset): string {
  const l = ds.learnedWeights;
  if (r.weightSource !== 'learned' || l === undefined) return '';
  const f = l.fittedOn;
  const auc = (v: number | undefined): string => (v === undefined ? '—' : v.toFixed(3));
  // A note written as "中文 / English" shows the half of the chosen language.
  const halves = l.note.split(' / ');
  const note = halves.length === 2 ? (ctx.lang === 'zh' ? halves[0]! : halves[1]!) : l.note;
  return ctx.t(
    `学习权重的依据：${f.cities.join('、')} 开发集 ${f.landed} 个落地、${f.negatives} 家未落地企业（${l.date} 拟合，λ=${l.lambda}，交叉验证 AUC ${auc(l.cvAuc)}${l.heldoutAuc !== undefined ? `，留出集 AUC ${auc(l.heldoutAuc)}` : ''}）。${note}\n`,
    `Learned weights rest on ${f.landed} landings and ${f.negatives} non-landed firms (dev part of ${f.cities.join(', ')}; fitted ${l.date}, λ=${l.lambda}, cross-validated AUC ${auc(l.cvAuc)}${l.heldoutAuc !== undefined ? `, held-out AUC ${auc(l.heldoutAuc)}` : ''}). ${note}\n`,
  );
}

function header(ctx: CommandContext, r: Ranking, datasetName: string): string {
  const preset = r.preset !== undefined ? WEIGHT_PRESETS[r.preset] : undefined;
  const weights = preset !== undefined ? text(preset, ctx.lang) : r.weightSource === 'learned' ? ctx.t('学习权重（learned）', 'learned') : (r.weightSource ?? 'custom');
  const method = r.method === 'topsis' ? 'TOPSIS' : ctx.t('加权求和', 'weighted sum');
  const ex = r.excluded;
  const apart = ex !== undefined && ex.offChain + ex.local + ex.unrelated > 0
    ? ctx.t(
        `（另有链外企业 ${ex.offChain} 家、本地企业 ${ex.local} 家、与本市产业链无关企业 ${ex.unrelated} 家未参与排序，见 --include-off-chain / --include-local / --include-unrelated）`,
        ` (${ex.offChain} off-chain, ${ex.local} local and ${ex.unrelated} unrelated companies set apart; see --include-off-chain / --include-local / --include-unrelated)`,
      )
    : '';
  return ctx.t(
    `${datasetName} 目标企业排序${r.industry !== undefined ? `（产业 ${r.industry}）` : ''} · 权重方案 ${weights} · 聚合 ${method} · 候选 ${r.candidates ?? r.items.length} 家${apart}\n`,
    `${datasetName} target ranking${r.industry !== undefined ? ` (industry ${r.industry})` : ''} · weights ${weights} · aggregation ${method} · ${r.candidates ?? r.items.length} candidates${apart}\n`,
  );
}

function tableRows(r: Ranking, lang: Lang): Record<string, unknown>[] {
  return r.items.map((i) => ({
    rank: i.rank,
    name: i.name,
    score: i.score,
    reasons: i.reasons.slice(0, 3).map((x) => shortReason(x, lang)).join('\n'),
    approach: text(i.approach, lang),
    stability: stabilityText(i),
  }));
}

/** Columns of the rank CSV: what an analyst needs in Excel, headed in the chosen language. */
function csvColumns(stability: boolean): Column[] {
  return [
    { key: 'rank', zh: '名次', en: 'Rank' },
    { key: 'name', zh: '企业', en: 'Company' },
    { key: 'hq', zh: '总部', en: 'Headquarters' },
    { key: 'score', zh: '得分', en: 'Score', digits: 4 },
    ...FEATURE_NAMES.map((f) => ({ key: `c_${f}`, zh: FEATURE_LABELS[f].zh, en: FEATURE_LABELS[f].en, digits: 4 })),
    { key: 'matchedGaps', zh: '匹配缺口', en: 'Matched gaps' },
    { key: 'reasons', zh: '理由', en: 'Reasons' },
    { key: 'approach', zh: '招商方式', en: 'Approach' },
    { key: 'rule', zh: '招商方式依据', en: 'Approach rule' },
    { key: 'group', zh: '所属集团', en: 'Group' },
    ...(stability ? [{ key: 'stability', zh: '排名区间', en: 'Rank p10–p90' }] : []),
    { key: 'id', zh: 'id', en: 'ID' },
  ];
}

function csvRows(r: Ranking, lang: Lang, ds: Dataset, companies: readonly Company[]): Record<string, unknown>[] {
  const hq = new Map(companies.map((c) => [c.id, c.hq.city === c.hq.province ? c.hq.city : `${c.hq.province}${c.hq.city}`]));
  const segment = new Map(ds.segments.map((s) => [s.id, lang === 'zh' ? s.name : s.nameEn]));
  // 所属集团 (issue 17): the record's group, else its parent record's name, so related targets sort together in Excel
  const byId = new Map(companies.map((c) => [c.id, c]));
  const group = (c: Company | undefined): string => c?.group ?? (c?.parent !== undefined ? (byId.get(c.parent)?.name ?? '') : '');
  return r.items.map((i) => ({
    rank: i.rank,
    id: i.id,
    name: i.name,
    hq: hq.get(i.id) ?? '',
    score: i.score,
    ...Object.fromEntries(FEATURE_NAMES.map((f) => [`c_${f}`, i.contributions[f]])),
    matchedGaps: i.matchedGaps
      .map((g) => (lang === 'zh' ? `${segment.get(g.segment) ?? g.segment}（${GAP_KIND_LABELS[g.kind].zh} ${g.priority.toFixed(2)}）` : `${segment.get(g.segment) ?? g.segment} (${g.kind} ${g.priority.toFixed(2)})`))
      .join(lang === 'zh' ? '；' : '; '),
    reasons: i.reasons.map((x) => text(x, lang)).join(lang === 'zh' ? '；' : ' | '),
    approach: text(i.approach, lang),
    rule: text(i.approach.rule, lang),
    group: group(byId.get(i.id)),
    stability: stabilityText(i),
  }));
}

/** `rank`: the ranked target list with scores, reasons and 招商方式. */
export function registerRank(program: Command, io: CliIo): void {
  program
    .command('rank')
    .description('目标企业排序：得分、理由与招商方式 / Rank target companies: scores, reasons and approach')
    .option('--industry <name>', '只排该产业的企业（名称或 id，如 有色金属） / only companies of this industry (name or id)')
    .option('--top <n>', '显示前 N 家（默认 20） / show the top N (default 20)')
    .option('--weights <preset|file>', '权重：均衡|补短板|强链|前瞻布局|熵权法|学习权重（或 balanced|fill-first|strengthen-first|build-first|entropy|learned；学习权重由本数据集的回测结果拟合，依据的落地很少，仅供对照）或 JSON 文件（自定义权重或 AHP 判断矩阵） / weights: a preset, entropy, learned (fitted on this dataset\'s backtest outcomes; rests on few landings, for comparison only), or a JSON file')
    .option('--method <method>', '聚合方法 加权求和|TOPSIS（weighted|topsis） / aggregation method')
    .option('--companies <file>', '用文件中的企业代替内置目标企业（.json，或 .parquet/.csv/.jsonl） / rank the companies in this file (.json, or .parquet/.csv/.jsonl)')
    .option('--engine <engine>', '计算引擎 auto|memory|duckdb（auto：文件 ≥ 32 MiB 用 DuckDB） / engine: auto (DuckDB for files of 32 MiB or more), memory or duckdb')
    .option('--datasets <dirs>', '多城市：一次把企业文件对多个城市数据集评分，每城各取前 N（目录以逗号分隔；用 DuckDB） / many cities: score the companies file against several dataset directories (comma-separated) in one DuckDB pass, top N per city')
    .option('--scored-out <file>', '用 DuckDB 时把全部企业的得分写入文件（.parquet，否则 CSV） / with DuckDB, write every company\'s score to this file (.parquet, else CSV)')
    .option('--emit-sql <file>', '只写出评分 SQL（Spark SQL/Trino/DuckDB），不排序 / write the scoring SQL (Spark SQL, Trino or DuckDB) instead of ranking')
    .option('--dialect <dialect>', '--emit-sql 的方言 spark|trino|duckdb（默认 spark） / dialect of --emit-sql: spark (default), trino or duckdb')
    .option('--stability', '权重扰动 ±20% 的排名区间 / rank intervals under ±20% weight perturbation')
    .option('--out <file>', '把排序写入文件：.xlsx 为 Excel 工作簿，其他为 CSV / write the ranking to a file (.xlsx workbook, else CSV)')
    .option('--include-off-chain', '也排序链外企业（金融、房地产等，默认剔除） / also rank off-chain companies (left out by default)')
    .option('--include-local', '也排序本地企业（总部在本市，默认剔除） / also rank local enterprises (left out by default)')
    .option('--include-unrelated', '也列出与本市产业链无关的企业（未挂上任何环节或产业，得分为 0，默认剔除） / also list companies unrelated to the chains (score 0; left out by default)')
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const a = parseOptions(RankArgs, opts, 'rank');
      const ds = await ctx.loadData();
      // 有色金属 / Non-ferrous metals / nonferrous → the industry id; unknown or ambiguous names are usage errors.
      if (a.industry !== undefined) a.industry = resolveName(industryCandidates(ds), a.industry, '--industry');
      // A large or columnar file goes through DuckDB (issue 19); a JSON array below the threshold stays in process.
      const file = a.companies !== undefined ? resolve(io.cwd, a.companies) : undefined;
      const format = file !== undefined ? formatOf(file) : undefined;
      const engine = file !== undefined ? (a.datasets !== undefined && a.engine === 'auto' ? chooseEngine('duckdb', format, 0) : chooseEngine(a.engine, format, (await stat(file)).size)) : 'memory';
      const imported =
        file === undefined || engine === 'duckdb'
          ? undefined
          : format === 'json' || format === undefined
            ? await companiesFrom(a.companies!, io.cwd, ds)
            : { companies: await readCompaniesFile(file, { asOf: ds.meta.asOf }), warnings: [] };
      for (const w of imported?.warnings ?? []) io.stderr.write(`${ctx.t('警告', 'warning')}: ${describeIssue(w, ctx.lang)}\n`);
      const options: RankOptions = {
        top: a.top,
        weights: await weightsFrom(a.weights, io.cwd),
        method: a.method,
        stability: a.stability,
        includeOffChain: a.includeOffChain,
        includeLocal: a.includeLocal,
        includeUnrelated: a.includeUnrelated,
        ...(a.industry !== undefined ? { industry: a.industry } : {}),
        ...(imported !== undefined ? { companies: imported.companies } : {}),
      };
      if (a.emitSql !== undefined) {
        // The scoring query for a cluster: the same SQL the DuckDB engine runs, in the dialect asked for.
        const { companies: _c, method: _m, stability: _s, ...sqlOptions } = options;
        await writeFile(resolve(io.cwd, a.emitSql), emitScoringSql(ds, { ...sqlOptions, dialect: a.dialect }));
        io.stderr.write(ctx.t(`已写出评分 SQL（${a.dialect}）：${a.emitSql}\n`, `scoring SQL (${a.dialect}) written: ${a.emitSql}\n`));
        return;
      }
      if (a.datasets !== undefined) {
        await rankManyCities(ctx, a, options, file, format, engine);
        return;
      }
      if (engine === 'duckdb' && (a.method !== 'weighted' || a.stability)) {
        throw new UsageError('--engine duckdb ranks by weighted sum without --stability; use --engine memory', '--engine duckdb 只支持加权求和、不支持 --stability；请用 --engine memory', [], 'OPTIONS_INVALID');
      }
      const { companies: _, method: __, stability: ___, ...duckOptions } = options;
      let shownCompanies = imported?.companies ?? ds.companies;
      let ranking: Ranking;
      if (engine === 'duckdb' && file !== undefined) {
        // Timings and the read-back companies stay out of the output (it is deterministic).
        const { timings: _t, topCompanies, rows: _r, ...r } = await rankWithDuckDb(ds, file, { ...duckOptions, ...(a.scoredOut !== undefined ? { scoredOut: resolve(io.cwd, a.scoredOut) } : {}) });
        ranking = r;
        shownCompanies = topCompanies;
      } else ranking = rankCompanies(ds, options);
      if (a.scoredOut !== undefined && engine === 'duckdb') io.stderr.write(ctx.t(`已写入全部得分：${a.scoredOut}\n`, `all scores written: ${a.scoredOut}\n`));
      if (ctx.format === 'json') {
        io.stdout.write(toJson(ranking));
        return;
      }
      if (a.out !== undefined) {
        await writeTableFile(resolve(io.cwd, a.out), csvRows(ranking, ctx.lang, ds, shownCompanies), csvColumns(a.stability), ctx.lang, ctx.t('目标企业排序', 'Ranking'));
        io.stderr.write(ctx.t(`已写入：${a.out}\n`, `written: ${a.out}\n`));
      }
      if (ctx.format === 'csv') {
        io.stdout.write(renderRows(csvRows(ranking, ctx.lang, ds, shownCompanies), csvColumns(a.stability), 'csv', ctx.lang));
        return;
      }
      io.stdout.write(header(ctx, ranking, ctx.lang === 'zh' ? ds.meta.name : ds.meta.nameEn));
      io.stdout.write(learnedNote(ctx, ranking, ds));
      io.stdout.write(renderRows(tableRows(ranking, ctx.lang), tableColumns(a.stability), 'table', ctx.lang));
    });
}

/** The terminal table's columns (one city or each city of `--datasets`), with the rank interval under `--stability`. */
function tableColumns(stability: boolean): Column[] {
  return [
    { key: 'rank', zh: '排名', en: 'Rank' },
    { key: 'name', zh: '企业', en: 'Company' },
    { key: 'score', zh: '得分', en: 'Score' },
    { key: 'reasons', zh: '主要理由', en: 'Top reasons' },
    { key: 'approach', zh: '招商方式', en: 'Approach' },
    ...(stability ? [{ key: 'stability', zh: '排名区间', en: 'Rank p10–p90' }] : []),
  ];
}

/**
 * `rank --datasets DIR1,DIR2 --companies FILE`: one DuckDB pass over the file against every city model
 * (`rankCitiesWithDuckDb`), top N per city with reasons; JSON `{ cities: [{ dataset, ranking }] }`, a table per
 * city, or CSV rows with the city's dataset in the first column.
 */
async function rankManyCities(ctx: CommandContext, a: z.infer<typeof RankArgs>, options: RankOptions, file: string | undefined, format: string | undefined, engine: 'memory' | 'duckdb'): Promise<void> {
  const io = ctx.io;
  if (file === undefined || format === undefined || engine !== 'duckdb') {
    throw new UsageError('--datasets ranks a companies file (.parquet, .csv, .jsonl, .json) through DuckDB: give --companies FILE and no --engine memory', '--datasets 需用 DuckDB 对企业文件（.parquet、.csv、.jsonl、.json）评分：请给出 --companies 文件，且不要用 --engine memory', [], 'OPTIONS_INVALID');
  }
  if (a.method !== 'weighted' || a.stability) throw new UsageError('--datasets ranks by weighted sum without --stability', '--datasets 只支持加权求和、不支持 --stability', [], 'OPTIONS_INVALID');
  const dirs = a.datasets!.split(/[,，;；]/).map((x) => x.trim()).filter((x) => x !== '');
  const datasets = await Promise.all(dirs.map((d) => loadDataset(resolve(io.cwd, d))));
  const { companies: _c, method: _m, stability: _s, ...duckOptions } = options;
  const r = await rankCitiesWithDuckDb(datasets, file, { ...duckOptions, ...(a.scoredOut !== undefined ? { scoredOut: resolve(io.cwd, a.scoredOut) } : {}) });
  if (a.scoredOut !== undefined) io.stderr.write(ctx.t(`已写入全部城市 × 企业得分：${a.scoredOut}\n`, `all city × company scores written: ${a.scoredOut}\n`));
  if (ctx.format === 'json') {
    io.stdout.write(toJson({ cities: r.cities.map((c) => ({ dataset: c.dataset, ranking: c.ranking })) }));
    return;
  }
  const cityColumn: Column = { key: 'dataset', zh: '城市数据集', en: 'City dataset' };
  const rows = r.cities.flatMap((c, i) => csvRows(c.ranking, ctx.lang, datasets[i]!, c.topCompanies).map((row) => ({ dataset: c.dataset.id, ...row })));
  if (a.out !== undefined) {
    await writeTableFile(resolve(io.cwd, a.out), rows, [cityColumn, ...csvColumns(false)], ctx.lang, ctx.t('多城市目标企业排序', 'Ranking by city'));
    io.stderr.write(ctx.t(`已写入：${a.out}\n`, `written: ${a.out}\n`));
  }
  if (ctx.format === 'csv') {
    io.stdout.write(renderRows(rows, [cityColumn, ...csvColumns(false)], 'csv', ctx.lang));
    return;
  }
  for (const c of r.cities) {
    io.stdout.write(header(ctx, c.ranking, ctx.lang === 'zh' ? c.dataset.name : c.dataset.nameEn));
    io.stdout.write(learnedNote(ctx, c.ranking, datasets[r.cities.indexOf(c)]!));
    io.stdout.write(renderRows(tableRows(c.ranking, ctx.lang), tableColumns(false), 'table', ctx.lang));
  }
}
