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
// While tuning, use only the dev part:
//   --dev-only     held-out landings are not ranked, not listed and not summarised (the lead runs held-out once at the end)
//   --features     per-feature comparison of dev landings with their peers (means and one-feature AUC)
//   --loco         leave-one-city-out on dev: learned weights fitted on the other cities' dev rows, judged on this city's
//                  dev landings (implies --dev-only; runs every city)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importCompanies, LearnedWeightsFile, liaocheng, loadDataset, OutcomesFile, type Company, type Dataset, type RankOptions } from '../src/index.js';
import { ReconstructionSpec } from '../src/backtest/reconstructionSpec.js';
import { featureContrast, runBacktest, type BacktestReport, type FeatureRow } from '../src/backtest/runBacktest.js';
import { clippedFeatures, fitLearnedWeights, weightsFromFit } from '../src/backtest/learnedWeights.js';
import { formatBacktest, formatLearned } from '../src/backtest/formatReport.js';
import { isWeightsName, WEIGHTS_NAMES } from '../src/scoring/weightsSpec.js';
import { CityTies, readCityBacktestConfig, withCityTies, withReferencedTargets } from './backtestCity.js';

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
    'dev-only': { type: 'boolean', default: false },
    features: { type: 'boolean', default: false },
    loco: { type: 'boolean', default: false },
  },
});
const lang = values.lang === 'en' ? 'en' : 'zh';
const devOnly = values['dev-only'] || values.loco;
const zh = lang === 'zh';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(resolve(path), 'utf8')) as unknown;
}

const given = (name: string): boolean => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));

let weights: RankOptions['weights'] | undefined;
if (values.weights !== undefined) {
  if (values.weights.endsWith('.json')) {
    // A learned-weights.json (weights with provenance) gives its weights; the old plain-weights shape is read as before.
    const raw = await readJson(values.weights);
    const learned = LearnedWeightsFile.safeParse(raw);
    weights = (learned.success ? learned.data.weights : raw) as RankOptions['weights'];
  }
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
  /** Inputs of the run, to re-run it with other weights (--loco). */
  readonly input: Parameters<typeof runBacktest>[0];
  readonly lines: string[];
  readonly json: unknown;
}

/** One backtest (and learned weights) on one dataset: 聊城 when `data` is undefined. */
async function runOne(data: string | undefined, elsewhere: Readonly<Record<string, string>>, writeLearned?: string): Promise<RunResult> {
  const city = data !== undefined ? await readCityBacktestConfig(data) : undefined;
  const loaded: Dataset = data !== undefined ? await loadDataset(data) : liaocheng();
  let dataset: Dataset = city?.companies !== undefined ? await withReferencedTargets(loaded, city.companies) : loaded;
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
  // This city's own ties (ties.json: sourced facts about targets and local firms), added to targets and imported firms.
  if (city?.ties !== undefined) {
    const [targets, imported] = withCityTies([dataset.companies, extraCandidates], CityTies.parse(await readJson(city.ties)), new Set(dataset.enterprises.map((e) => e.id)));
    dataset = { ...dataset, companies: targets! };
    extraCandidates.splice(0, extraCandidates.length, ...imported!);
  }
  // Rows whose 备注 says "unrelated giant" are checked apart: none should rank above a firm placed on a chain.
  const unrelatedIds = extraCandidates.filter((c) => (c.note ?? '').includes('unrelated giant')).map((c) => c.id);

  const input = { dataset, extraCandidates, outcomes, reconstruction, unrelatedIds, devOnly };
  const report = runBacktest({ ...input, ...(weights !== undefined ? { weights } : {}) });
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
      input,
      lines: [...formatBacktest(report, lang, undefined, elsewhere), `${zh ? '无法学习权重' : 'no learned weights'}: ${(e as Error).message}`],
      json: { report: reportRest },
    };
  }
  const learnedReport = runBacktest({ ...input, weights: learned });
  if (writeLearned !== undefined) await writeFile(resolve(writeLearned), `${JSON.stringify(learnedFile(model, learned, report.city, dataset.meta.id), null, 2)}\n`);
  const { rows: _lrows, ...learnedRest } = learnedReport;
  const lines = [
    zh ? `导入：${importStats.rows} 行 → 新增候选 ${extraCandidates.length} 家（其中域外 ${importStats.offChain} 家）` : `import: ${importStats.rows} rows → ${extraCandidates.length} extra candidates (${importStats.offChain} off-chain)`,
    ...formatBacktest(report, lang, zh ? `回测（当前权重 ${typeof weights === 'string' ? weights : weights === undefined ? '默认' : '自定义'}）：${report.city}` : undefined, elsewhere),
    '',
    ...formatLearned(model, lang),
    `  ${zh ? '学得的权重' : 'learned weights'} ${JSON.stringify(learned)}${clippedFeatures(model).length > 0 ? ` · ${zh ? '负系数截为 0' : 'negative coefficients clipped to 0'}: ${clippedFeatures(model).join(', ')}` : ''}`,
    '',
    ...formatBacktest(learnedReport, lang, zh ? '回测（学习权重；开发集数字为样本内，仅留出集可信）' : 'Backtest with the learned weights (dev figures are in-sample; only held-out counts)', elsewhere),
    ...(values.features ? ['', ...contrastLines(report)] : []),
  ];
  return { report, input, lines, json: { report: reportRest, learned: { model, weights: learned, clipped: clippedFeatures(model), report: learnedRest } } };
}

/**
 * The learned-weights.json a dataset carries (`rank --weights learned`): the weights with what they rest on. The held-out
 * AUC is written only by a full run (never by --dev-only, which does not rank held-out landings).
 */
function learnedFile(model: ReturnType<typeof fitLearnedWeights>, weights: Record<string, number>, city: string, datasetId: string): LearnedWeightsFile {
  const n = model.positives;
  const clipped = clippedFeatures(model);
  // How many coefficients are within two standard errors of 0 (not distinguishable from no effect).
  const weak = model.featureNames.filter((_, j) => Math.abs(model.fit.coefficients[j] ?? 0) < 2 * (model.fit.standardErrors[j + 1] ?? 0)).length;
  const m = model.featureNames.length;
  return LearnedWeightsFile.parse({
    weights,
    fittedOn: { landed: n, negatives: model.negatives, cities: [city], datasets: [datasetId], part: 'dev' },
    lambda: model.lambda,
    ...(model.cvAuc !== undefined ? { cvAuc: Number(model.cvAuc.toFixed(3)) } : {}),
    ...(!devOnly && model.heldoutAuc !== undefined ? { heldoutAuc: Number(model.heldoutAuc.toFixed(3)) } : {}),
    coefficients: Object.fromEntries(model.featureNames.map((f, j) => [f, { beta: Number((model.fit.coefficients[j] ?? 0).toFixed(4)), se: Number((model.fit.standardErrors[j + 1] ?? 0).toFixed(4)) }])),
    ...(clipped.length > 0 ? { clipped } : {}),
    date: new Date().toISOString().slice(0, 10),
    command: ['npm run backtest --', ...process.argv.slice(2)].join(' '),
    note:
      `只依据 ${city} 开发集的 ${n} 个落地（${model.negatives} 家未落地）：${m} 个系数中 ${weak} 个离 0 不到两个标准误，权重不稳定，不能当结论；留一城市检验中学习权重不如默认权重（见 eval/backtest/README.md）。仅供与专家预设对照，从不作默认。` +
      ` / Rests on only ${n} landings and ${model.negatives} non-landed firms (dev part of ${city}): ${weak} of ${m} coefficients are within two standard errors of 0, so the weights are unstable; under leave-one-city-out the learned weights lose to the default (eval/backtest/README.md). For comparison with the expert presets only; never the default.`,
    confidence: 'low',
  });
}

const f3 = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(3));

/** Per-feature comparison of dev landings with their peers, as text lines. */
function contrastLines(report: BacktestReport): string[] {
  const rows = featureContrast(report, 'dev');
  return [
    zh ? `特征对比（开发集，落地 vs 同行，同一落地前排序）：${rows[0]?.landings ?? 0} 个有同行的落地` : `Feature contrast (dev, landed vs peers, same before-ranking): ${rows[0]?.landings ?? 0} landings with peers`,
    `  ${'feature'.padEnd(10)} ${'landed'.padStart(7)} ${'peers'.padStart(7)} ${'AUC'.padStart(6)}`,
    ...rows.map((r) => `  ${r.feature.padEnd(10)} ${r.landedMean.toFixed(3).padStart(7)} ${r.peersMean.toFixed(3).padStart(7)} ${f3(r.auc).padStart(6)}`),
    ...report.landings
      .filter((l) => l.part === 'dev' && l.contrast !== undefined && l.contrast.peers.length > 0)
      .flatMap((l) => {
        const fmt = (f: Readonly<Record<string, number>>): string => rows.map((r) => (f[r.feature] ?? 0).toFixed(2)).join(' ');
        const peers = l.contrast!.peers.map((f, i) => ({ f, id: l.contrast!.peerIds[i]! })).sort((a, b) => (b.f.score ?? 0) - (a.f.score ?? 0));
        return [`  ${l.company}: ${fmt(l.contrast!.landed)}`, ...peers.slice(0, 6).map((p) => `      ${p.id.padEnd(24)} ${fmt(p.f)}`)];
      }),
  ];
}

/** The summary table of several runs: landings and the three AUCs per split (current weights). */
function summary(runs: readonly { label: string; report: BacktestReport }[]): string[] {
  const head = devOnly
    ? zh
      ? ['城市', '数据集', '开发落地', '开发 AUC 全部 / 同行 / 去关系同行']
      : ['city', 'dataset', 'dev landings', 'dev AUC all / peers / peers no ties']
    : zh
      ? ['城市', '数据集', '落地 开发/留出', '开发 AUC 全部 / 同行 / 去关系同行', '留出 AUC 全部 / 同行 / 去关系同行']
      : ['city', 'dataset', 'landings dev/held-out', 'dev AUC all / peers / peers no ties', 'held-out AUC all / peers / peers no ties'];
  const row = (r: BacktestReport): string[] => [
    devOnly ? `${r.dev.landings}` : `${r.dev.landings}/${r.heldout.landings}`,
    `${f3(r.dev.aucAll)} / ${f3(r.dev.aucPeers)} / ${f3(r.dev.aucPeersNoTies)}`,
    ...(devOnly ? [] : [`${f3(r.heldout.aucAll)} / ${f3(r.heldout.aucPeers)} / ${f3(r.heldout.aucPeersNoTies)}`]),
  ];
  const w = typeof weights === 'string' ? weights : weights === undefined ? (zh ? '默认' : 'default') : zh ? '自定义' : 'custom';
  return [
    devOnly
      ? zh
        ? `汇总（权重 ${w}；仅开发集，留出集未运行）`
        : `Summary (weights ${w}; dev only, held-out not run)`
      : zh
        ? `汇总（权重 ${w}；issue 15 目标：留出 全部 ≥ 0.85、同行 ≥ 0.70、去关系同行 ≥ 0.65）`
        : `Summary (weights ${w}; issue 15 targets on held-out: all ≥ 0.85, peers ≥ 0.70, peers with no ties ≥ 0.65)`,
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...runs.map((r) => `| ${r.report.city} | ${r.label} | ${row(r.report).join(' | ')} |`),
  ];
}

if (values.loco && (values.data !== undefined || ['outcomes', 'reconstruction', 'import', 'write-learned'].some(given))) {
  process.stderr.write('--loco 评估全部城市，不能与 --data、--outcomes、--reconstruction、--import 或 --write-learned 同用。\n--loco evaluates every city; it cannot be combined with --data, --outcomes, --reconstruction, --import or --write-learned.\n');
  process.exit(2);
}
const cities = await cityDirs();
const elsewhere = Object.fromEntries(cities.map((c) => [c.city, c.dir]));
const single = !values.loco && (values.data !== undefined || ['outcomes', 'reconstruction', 'import', 'write-learned'].some(given));

if (single) {
  const r = await runOne(values.data, elsewhere, values['write-learned']);
  process.stdout.write(values.json ? `${JSON.stringify(r.json, null, 2)}\n` : `${r.lines.join('\n')}\n`);
} else {
  const runs: { label: string; report: BacktestReport; json: unknown; input: RunResult['input'] }[] = [];
  const out: string[] = [];
  for (const target of [{ label: 'data/liaocheng', dir: undefined as string | undefined }, ...cities.map((c) => ({ label: c.dir, dir: c.dir as string | undefined }))]) {
    const r = await runOne(target.dir, elsewhere);
    runs.push({ label: target.label, report: r.report, json: r.json, input: r.input });
    out.push(`${'='.repeat(8)} ${r.report.city}（${target.label}）${'='.repeat(8)}`, ...r.lines, '');
    if (!values.json) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ cities: runs.map((r) => ({ dataset: r.label, ...(r.json as object) })) }, null, 2)}\n`);
  else process.stdout.write(`${summary(runs).join('\n')}\n`);
  if (values.loco) process.stdout.write(`\n${loco(runs).join('\n')}\n`);
}

/**
 * Leave-one-city-out on dev: for each city, learned weights fitted on the other cities' dev rows (features in [0, 1]
 * in each city's own ranking), then this city's dev landings ranked with them; beside it the current weights' dev
 * figures, which no city's outcomes tuned.
 */
function loco(runs: readonly { label: string; report: BacktestReport; input: RunResult['input'] }[]): string[] {
  const lines = [
    zh ? '留一城市交叉验证（开发集）：学习权重用其余城市的开发集拟合，在本市开发集上评估' : 'Leave-one-city-out (dev): weights learned on the other cities\' dev rows, judged on this city\'s dev landings',
    `| ${zh ? '城市' : 'city'} | ${zh ? '当前权重 全部 / 同行 / 去关系同行' : 'current weights all / peers / no ties'} | ${zh ? '他城学习权重 全部 / 同行 / 去关系同行' : 'learned elsewhere all / peers / no ties'} | ${zh ? '他城学习权重' : 'weights learned elsewhere'} |`,
    '|---|---|---|---|',
  ];
  for (const r of runs) {
    const others: FeatureRow[] = runs.filter((x) => x !== r).flatMap((x) => x.report.rows.filter((row) => row.part === 'dev').map((row) => ({ ...row, id: `${x.label}:${row.id}` })));
    let cell = '—';
    let wText = '—';
    try {
      const w = weightsFromFit(fitLearnedWeights(others));
      const rep = runBacktest({ ...r.input, weights: w });
      cell = `${f3(rep.dev.aucAll)} / ${f3(rep.dev.aucPeers)} / ${f3(rep.dev.aucPeersNoTies)}`;
      wText = Object.entries(w).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
    } catch (e) {
      wText = (e as Error).message;
    }
    lines.push(`| ${r.report.city} | ${f3(r.report.dev.aucAll)} / ${f3(r.report.dev.aucPeers)} / ${f3(r.report.dev.aucPeersNoTies)} | ${cell} | ${wText} |`);
  }
  return lines;
}
