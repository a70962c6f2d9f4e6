// npm run backtest [-- --data DIR] [--outcomes FILE] [--reconstruction FILE] [--import FILE] [--weights NAME|FILE]
//                   [--write-learned FILE] [--lang zh|en] [--json]
// A dataset directory with a backtest.json (eval/backtest/cities/<city>/) names its own target list (referenced, e.g.
// data/liaocheng/companies.json, adopted by scripts/backtestCity.ts), outcomes, reconstruction and import files;
// an option given on the command line wins over it.
// Backtest of the ranking on recorded landings (eval/backtest/README.md), then learned weights (L2 logistic on dev).
// AUC intervals in [ ] are 90% bootstrap intervals over landings.
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importCompanies, liaocheng, loadDataset, OutcomesFile, type Company, type Dataset, type RankOptions } from '../src/index.js';
import { ReconstructionSpec } from '../src/backtest/reconstructionSpec.js';
import { runBacktest } from '../src/backtest/runBacktest.js';
import { clippedFeatures, fitLearnedWeights, weightsFromFit } from '../src/backtest/learnedWeights.js';
import { formatBacktest, formatLearned } from '../src/backtest/formatReport.js';
import { isWeightsName, WEIGHTS_NAMES } from '../src/scoring/weightsSpec.js';
import { readCityBacktestConfig, withReferencedTargets } from './backtestCity.js';

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

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(resolve(path), 'utf8')) as unknown;
}

const given = (name: string): boolean => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const city = values.data !== undefined ? await readCityBacktestConfig(values.data) : undefined;
const loaded: Dataset = values.data !== undefined ? await loadDataset(values.data) : liaocheng();
const dataset: Dataset = city?.companies !== undefined ? await withReferencedTargets(loaded, city.companies) : loaded;
// A dataset directory may carry its own optional outcomes.json (the data contract); --outcomes overrides it.
const outcomesPath = given('outcomes') ? values.outcomes : city?.outcomes ?? (values.data !== undefined && existsSync(join(values.data, 'outcomes.json')) ? join(values.data, 'outcomes.json') : values.outcomes);
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
let weights: RankOptions['weights'] | undefined;
if (values.weights !== undefined) {
  if (values.weights.endsWith('.json')) weights = (await readJson(values.weights)) as RankOptions['weights'];
  else if (isWeightsName(values.weights)) weights = values.weights;
  else throw new Error(`--weights: unknown preset "${values.weights}"; use ${WEIGHTS_NAMES.join(', ')} or a JSON file`);
}

const report = runBacktest({ dataset, extraCandidates, outcomes, reconstruction, unrelatedIds, ...(weights !== undefined ? { weights } : {}) });
let model: ReturnType<typeof fitLearnedWeights>;
let learned: Record<string, number>;
try {
  model = fitLearnedWeights(report.rows);
  learned = weightsFromFit(model);
} catch (e) {
  // Too few outcomes (no dev landing, or no positive coefficient): the backtest stands, the learned weights do not.
  process.stdout.write(`${(values.json ? JSON.stringify({ report: { ...report, rows: undefined } }, null, 2) : formatBacktest(report, lang).join('\n'))}\n`);
  process.stderr.write(`${lang === 'zh' ? '无法学习权重' : 'no learned weights'}: ${(e as Error).message}\n`);
  process.exit(0);
}
const learnedReport = runBacktest({ dataset, extraCandidates, outcomes, reconstruction, unrelatedIds, weights: learned });

if (values['write-learned'] !== undefined) {
  await writeFile(resolve(values['write-learned']), `${JSON.stringify(learned, null, 2)}\n`);
}
if (values.json) {
  const { rows: _rows, ...rest } = report;
  const { rows: _lrows, ...learnedRest } = learnedReport;
  process.stdout.write(`${JSON.stringify({ report: rest, learned: { model, weights: learned, clipped: clippedFeatures(model), report: learnedRest } }, null, 2)}\n`);
} else {
  const zh = lang === 'zh';
  const lines = [
    zh ? `导入：${importStats.rows} 行 → 新增候选 ${extraCandidates.length} 家（其中域外 ${importStats.offChain} 家）` : `import: ${importStats.rows} rows → ${extraCandidates.length} extra candidates (${importStats.offChain} off-chain)`,
    ...formatBacktest(report, lang, zh ? `回测（当前权重 ${typeof weights === 'string' ? weights : weights === undefined ? '默认' : '自定义'}）：${report.city}` : undefined),
    '',
    ...formatLearned(model, lang),
    `  ${zh ? '学得的权重' : 'learned weights'} ${JSON.stringify(learned)}${clippedFeatures(model).length > 0 ? ` · ${zh ? '负系数截为 0' : 'negative coefficients clipped to 0'}: ${clippedFeatures(model).join(', ')}` : ''}`,
    '',
    ...formatBacktest(learnedReport, lang, zh ? '回测（学习权重；开发集数字为样本内，仅留出集可信）' : 'Backtest with the learned weights (dev figures are in-sample; only held-out counts)'),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
