// npm run backtest                       聊城 (embedded data), then every city dataset under eval/backtest/cities/, then a summary table
// npm run backtest -- --data DIR [--outcomes FILE] [--reconstruction FILE] [--import FILE] [--weights NAME|FILE]
//                   [--write-learned FILE] [--lang zh|en] [--json]
// Without --data, --outcomes, --reconstruction, --import and --write-learned, every city is run one after another
// (--weights, --lang and --json apply to each). With any of them, one dataset is run (聊城 unless --data).
// A dataset directory with a backtest.json (eval/backtest/cities/<city>/) names its own target list (referenced, e.g.
// data/liaocheng/companies.json, adopted by scripts/backtestCity.ts), outcomes, reconstruction and import files;
// an option given on the command line wins over it.
// Backtest of the ranking on recorded landings (eval/backtest/README.md), then learned weights (L2 logistic on dev).
// AUC intervals in [ ] are 90% bootstrap intervals over landings.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importCompanies, liaocheng, loadDataset, OutcomesFile, type Company, type Dataset, type RankOptions } from '../src/index.js';
import { ReconstructionSpec } from '../src/backtest/reconstructionSpec.js';
import { runBacktest, type BacktestReport } from '../src/backtest/runBacktest.js';
import { clippedFeatures, fitLearnedWeights, weightsFromFit } from '../src/backtest/learnedWeights.js';
import { formatBacktest, formatLearned } from '../src/backtest/formatReport.js';
import { isWeightsName, WEIGHTS_NAMES } from '../src/scoring/weightsSpec.js';
import { readCityBacktestConfig, withReferencedTargets } from './backtestCity.js';

const CITIES_DIR = 'eval/backtest/cities';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    outcomes: { type: 'string', default: 'eval/backtest/outcomes.json' },
    reconstruction: { type: 'string', default: 'eval/backtest/reconstruction.json' },
    import: { type: 'string', default: 'eval/backtest/import.csv' },
    weights: { type: 'string' },
    'write-learned': { type: 'string' },
    lang: { type: 'string', default: 'zh' },
    json: { type: 'boolean', default: false },
  },
});
const lang = values.lang === 'en' ? 'en' : 'zh';
const zh = lang === 'zh';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(resolve(path), 'utf8')) as unknown;
}

const given = (name: string): boolean => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));

let weights: RankOptions['weights'] | undefined;
if (values.weights !== undefined) {
  if (values.weights.endsWith('.json')) weights = (await readJson(values.weights)) as RankOptions['weights'];
  else if (isWeightsName(values.weights)) weights = values.weights;
  else throw new Error(`--weights: unknown preset "${values.weights}"; use ${WEIGHTS_NAMES.join(', ')} or a JSON file`);
}

/** City datasets under eval/backtest/cities/ (directories with a backtest.json), by home city name → directory. */
async function cityDirs(): Promise<{ city: string; dir: string }[]> {
  if (!existsSync(CITIES_DIR)) return [];
  const out: { city: string; dir: string }[] = [];
  for (const d of (await readdir(CITIES_DIR, { withFileTypes: true })).filter((x) => x.isDirectory()).map((x) => x.name).sort()) {
    const dir = join(CITIES_DIR, d);
    if (!existsSync(join(dir, 'backtest.json')) || !existsSync(join(dir, 'dataset.json'))) continue;
    const meta = (await readJson(join(dir, 'dataset.json'))) as { home?: { city?: string } };
    if (meta.home?.city !== undefined) out.push({ city: meta.home.city, dir });
  }
  return out;
}

interface RunResult {
  readonly report: BacktestReport;
  readonly lines: string[];
  readonly json: unknown;
}

/** One backtest (and learned weights) on one dataset: 聊城 when `data` is undefined. */
async function runOne(data: string | undefined, elsewhere: Readonly<Record<string, string>>, writeLearned?: string): Promise<RunResult> {
  const city = data !== undefined ? await readCityBacktestConfig(data) : undefined;
  const loaded: Dataset = data !== undefined ? await loadDataset(data) : liaocheng();
  const dataset: Dataset = city?.companies !== undefined ? await withReferencedTargets(loaded, city.companies) : loaded;
  // A dataset directory may carry its own optional outcomes.json (the data contract); --outcomes overrides it.
  const outcomesPath = given('outcomes') ? values.outcomes : city?.outcomes ?? (data !== undefined && existsSync(join(data, 'outcomes.json')) ? join(data, 'outcomes.json') : values.outcomes);
  const outcomes = OutcomesFile.parse(await readJson(outcomesPath));
  const reconstruction = ReconstructionSpec.parse(await readJson(given('reconstruction') ? values.reconstruction : city?.reconstruction ?? values.reconstruction));
  const importPaths = given('import') ? [values.import] : city?.imports ?? [values.import];
  const known = new Set(dataset.companies.map((c) => c.id));
  const extraCandidates: Company[] = [];
  const importStats = { rows: 0, offChain: 0 };
  for (const path of importPaths) {
    const imported = await importCompanies(resolve(path), { dataset });
    importStats.rows += imported.stats.rows;
    importStats.offChain += imported.stats.offChain;
    for (const c of imported.companies) {
      if (known.has(c.id)) continue;
      known.add(c.id);
      extraCandidates.push(c);
    }
  }
  // Rows whose 备注 says "unrelated giant" are checked apart: none should rank above a firm placed on a chain.
  const unrelatedIds = extraCandidates.filter((c) => (c.note ?? '').includes('unrelated giant')).map((c) => c.id);

  const report = runBacktest({ dataset, extraCandidates, outcomes, reconstruction, unrelatedIds, ...(weights !== undefined ? { weights } : {}) });
  const { rows: _rows, ...reportRest } = report;
  let model: ReturnType<typeof fitLearnedWeights>;
  let learned: Record<string, number>;
  try {
    model = fitLearnedWeights(report.rows);
    learned = weightsFromFit(model);
  } catch (e) {
    // Too few outcomes (no dev landing, or no positive coefficient): the backtest stands, the learned weights do not.
    return {
      report,
      lines: [...formatBacktest(report, lang, undefined, elsewhere), `${zh ? '无法学习权重' : 'no learned weights'}: ${(e as Error).message}`],
      json: { report: reportRest },
    };
  }
  const learnedReport = runBacktest({ dataset, extraCandidates, outcomes, reconstruction, unrelatedIds, weights: learned });
  if (writeLearned !== undefined) await writeFile(resolve(writeLearned), `${JSON.stringify(learned, null, 2)}\n`);
  const { rows: _lrows, ...learnedRest } = learnedReport;
  const lines = [
    zh ? `导入：${importStats.rows} 行 → 新增候选 ${extraCandidates.length} 家（其中域外 ${importStats.offChain} 家）` : `import: ${importStats.rows} rows → ${extraCandidates.length} extra candidates (${importStats.offChain} off-chain)`,
    ...formatBacktest(report, lang, zh ? `回测（当前权重 ${typeof weights === 'string' ? weights : weights === undefined ? '默认' : '自定义'}）：${report.city}` : undefined, elsewhere),
    '',
    ...formatLearned(model, lang),
    `  ${zh ? '学得的权重' : 'learned weights'} ${JSON.stringify(learned)}${clippedFeatures(model).length > 0 ? ` · ${zh ? '负系数截为 0' : 'negative coefficients clipped to 0'}: ${clippedFeatures(model).join(', ')}` : ''}`,
    '',
    ...formatBacktest(learnedReport, lang, zh ? '回测（学习权重；开发集数字为样本内，仅留出集可信）' : 'Backtest with the learned weights (dev figures are in-sample; only held-out counts)', elsewhere),
  ];
  return { report, lines, json: { report: reportRest, learned: { model, weights: learned, clipped: clippedFeatures(model), report: learnedRest } } };
}

const f3 = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(3));

/** The summary table of several runs: landings and the three AUCs per split (current weights). */
function summary(runs: readonly { label: string; report: BacktestReport }[]): string[] {
  const head = zh
    ? ['城市', '数据集', '落地 开发/留出', '开发 AUC 全部 / 同行 / 去关系同行', '留出 AUC 全部 / 同行 / 去关系同行']
    : ['city', 'dataset', 'landings dev/held-out', 'dev AUC all / peers / peers no ties', 'held-out AUC all / peers / peers no ties'];
  const row = (r: BacktestReport): string[] => [
    `${r.dev.landings}/${r.heldout.landings}`,
    `${f3(r.dev.aucAll)} / ${f3(r.dev.aucPeers)} / ${f3(r.dev.aucPeersNoTies)}`,
    `${f3(r.heldout.aucAll)} / ${f3(r.heldout.aucPeers)} / ${f3(r.heldout.aucPeersNoTies)}`,
  ];
  const w = typeof weights === 'string' ? weights : weights === undefined ? (zh ? '默认' : 'default') : zh ? '自定义' : 'custom';
  return [
    zh ? `汇总（权重 ${w}；issue 15 目标：留出 全部 ≥ 0.85、同行 ≥ 0.70、去关系同行 ≥ 0.65）` : `Summary (weights ${w}; issue 15 targets on held-out: all ≥ 0.85, peers ≥ 0.70, peers with no ties ≥ 0.65)`,
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...runs.map((r) => `| ${r.report.city} | ${r.label} | ${row(r.report).join(' | ')} |`),
  ];
}

const cities = await cityDirs();
const elsewhere = Object.fromEntries(cities.map((c) => [c.city, c.dir]));
const single = values.data !== undefined || ['outcomes', 'reconstruction', 'import', 'write-learned'].some(given);

if (single) {
  const r = await runOne(values.data, elsewhere, values['write-learned']);
  process.stdout.write(values.json ? `${JSON.stringify(r.json, null, 2)}\n` : `${r.lines.join('\n')}\n`);
} else {
  const runs: { label: string; report: BacktestReport; json: unknown }[] = [];
  const out: string[] = [];
  for (const target of [{ label: 'data/liaocheng', dir: undefined as string | undefined }, ...cities.map((c) => ({ label: c.dir, dir: c.dir as string | undefined }))]) {
    const r = await runOne(target.dir, elsewhere);
    runs.push({ label: target.label, report: r.report, json: r.json });
    out.push(`${'='.repeat(8)} ${r.report.city}（${target.label}）${'='.repeat(8)}`, ...r.lines, '');
    if (!values.json) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ cities: runs.map((r) => ({ dataset: r.label, ...(r.json as object) })) }, null, 2)}\n`);
  else process.stdout.write(`${summary(runs).join('\n')}\n`);
}
