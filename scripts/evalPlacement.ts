/**
 * Placement (挂链) quality on the labelled sets in eval/placement/ (see its README):
 *   A. 1,747 A-share companies labelled by their main business (chain / off-chain / other-manufacturing), imported as
 *      an analyst would with only name, place and ONE industry label — 申万三级, or Tushare's coarse industry
 *      (a vendor label like 企查查's) — joined at run time from ../shared/data/external/a_share_companies_merged.csv;
 *   B. 487 companies with products and a business scope (no industry label).
 * Prints, per split (dev = used while tuning, holdout = never looked at while tuning): share of chain firms whose main
 * industry is right, share placed at all, share of off-chain firms placed on a chain, share on a right segment (B),
 * and accuracy per industry.
 *
 *   npm run eval:placement                 # both splits
 *   npm run eval:placement -- --split dev  # while tuning
 *   npm run eval:placement -- --json       # machine-readable
 *   npm run eval:placement -- --dev-only   # the same as --split dev: never prints the holdout
 *   npm run eval:placement -- --cv         # 5-fold cross-validation of the placement thresholds, within dev only
 *   npm run eval:placement -- --folds      # the shipped configuration per dev fold: mean and spread (dev only)
 *   npm run eval:placement -- --confusion  # dev only: true main industry → placed main industry, per set
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { liaocheng } from '../src/dataset/liaocheng.js';
import { importCompanies } from '../src/io/import/importCompanies.js';
import type { PlacerOptions } from '../src/match/placement/createPlacer.js';
import type { Company } from '../src/schema/company.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = fileURLToPath(new URL('../../shared/data/external/a_share_companies_merged.csv', import.meta.url));
type Split = 'dev' | 'holdout';
const args = process.argv.slice(2);
const splitArg = args.includes('--dev-only') ? 'dev' : args.includes('--split') ? args[args.indexOf('--split') + 1] : 'all';
const splits: Split[] = splitArg === 'dev' ? ['dev'] : splitArg === 'holdout' ? ['holdout'] : ['dev', 'holdout'];
const asJson = args.includes('--json');
// --errors: print the dev split's misplaced companies (never the holdout's: it is not looked at while tuning).
const showErrors = args.includes('--errors');
// --options '{"wordPicksWithin":0.5}': placement options for a trial (dev runs, --folds, --confusion); the shipped defaults otherwise.
const trialOptions: PlacerOptions | undefined = args.includes('--options') ? (JSON.parse(args[args.indexOf('--options') + 1]!) as PlacerOptions) : undefined;

interface Labelled {
  readonly name: string;
  readonly label: 'chain' | 'off-chain' | 'other-manufacturing';
  readonly industries: readonly string[];
  readonly segments: readonly string[];
  readonly split: Split;
  readonly input: Record<string, unknown>;
}

interface Metrics {
  chain: number;
  mainRight: number;
  anyRight: number;
  placed: number;
  segmentRight: number;
  withSegmentLabel: number;
  offChain: number;
  offChainPlaced: number;
  otherManufacturing: number;
  otherManufacturingPlaced: number;
  perIndustry: Record<string, { n: number; right: number }>;
}

const placedOnChain = (c: Company | undefined): boolean => c !== undefined && c.placement?.status !== 'off-chain' && (c.industries ?? []).length > 0;

/** Per labelled row: right main industry (chain), placed on a chain (off-chain), right segment (when labelled). */
interface Outcome {
  readonly label: Labelled['label'];
  readonly mainRight: boolean;
  readonly placed: boolean;
  readonly segmentRight: boolean | undefined;
  /** The labelled main industry ('off-chain' / 'other-manufacturing' otherwise) and the placed one ('—' when none). */
  readonly want: string;
  readonly got: string;
}

async function evaluate(set: readonly Labelled[], placementOptions?: PlacerOptions, outcomes?: Outcome[]): Promise<Metrics> {
  const ds = liaocheng();
  // dedupe off: a firm the embedded dataset already knows would otherwise merge into its curated record.
  const r = await importCompanies(set.map((x) => x.input), { dataset: ds, dedupe: false, fileName: 'eval', ...(placementOptions !== undefined ? { placementOptions } : {}) });
  if (r.stats.rows !== set.length) throw new Error(`rows ${r.stats.rows} ≠ ${set.length}`);
  const byRow = new Map<number, Company>();
  for (const c of r.companies) {
    const m = /row (\d+)$/.exec(c.source);
    if (m !== null) byRow.set(Number(m[1]), c);
  }
  const m: Metrics = { chain: 0, mainRight: 0, anyRight: 0, placed: 0, segmentRight: 0, withSegmentLabel: 0, offChain: 0, offChainPlaced: 0, otherManufacturing: 0, otherManufacturingPlaced: 0, perIndustry: {} };
  set.forEach((x, k) => {
    const c = byRow.get(k + 1);
    if (outcomes !== undefined) {
      const got = placedOnChain(c) ? c!.industries! : [];
      outcomes.push({
        label: x.label,
        mainRight: got.length > 0 && x.industries.includes(got[0]!),
        placed: placedOnChain(c),
        segmentRight: x.segments.length > 0 ? (c?.segments ?? []).some((s) => x.segments.includes(s)) : undefined,
        want: x.label === 'chain' ? x.industries[0]! : x.label,
        // A placement on any acceptable industry counts as right: shown as the labelled main industry.
        got: got.length === 0 ? '—' : x.industries.includes(got[0]!) ? x.industries[0]! : got[0]!,
      });
    }
    const why = (): string => `${x.name} → ${c?.placement?.status} [${(c?.industries ?? []).join(',')}] ${(c?.placement?.evidence ?? []).map((e) => `${e.field}:${e.text}→${e.matched}`).join(' | ')}`;
    if (x.label === 'off-chain') {
      m.offChain++;
      if (placedOnChain(c)) {
        m.offChainPlaced++;
        if (showErrors && x.split === 'dev') console.log(`  off-chain placed: ${why()}`);
      }
      return;
    }
    if (x.label === 'other-manufacturing') {
      m.otherManufacturing++;
      if (placedOnChain(c)) {
        m.otherManufacturingPlaced++;
        if (showErrors && x.split === 'dev') console.log(`  other-manufacturing placed: ${why()}`);
      }
      return;
    }
    m.chain++;
    const main = x.industries[0]!;
    const p = (m.perIndustry[main] ??= { n: 0, right: 0 });
    p.n++;
    if (placedOnChain(c)) m.placed++;
    const got = placedOnChain(c) ? c!.industries! : [];
    if (got.length > 0 && x.industries.includes(got[0]!)) {
      m.mainRight++;
      p.right++;
    } else if (showErrors && x.split === 'dev') console.log(`  wrong (want ${x.industries.join(',')}): ${why()}`);
    if (got.some((g) => x.industries.includes(g))) m.anyRight++;
    if (x.segments.length > 0) {
      m.withSegmentLabel++;
      if ((c?.segments ?? []).some((s) => x.segments.includes(s))) m.segmentRight++;
      else if (showErrors && x.split === 'dev' && 'products' in x.input === false && '主营产品' in x.input) console.log(`  segment (want ${x.segments.join(',')}): ${why()} segs=[${(c?.segments ?? []).join(',')}]`);
    }
  });
  return m;
}

function listedSet(variant: 'sw3' | 'tushare'): Labelled[] {
  const shared = new Map(Papa.parse<Record<string, string>>(readFileSync(SHARED, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [r.ts_code!, r]));
  const labels = Papa.parse<Record<string, string>>(readFileSync(`${ROOT}eval/placement/listed-labels.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return labels.map((l) => {
    const s = shared.get(l.ts_code!)!;
    const industry = variant === 'sw3' ? { 申万三级行业: s.sw2021_l3 ?? '' } : { 所属行业: s.tushare_industry ?? '' };
    return {
      name: s.fullname!,
      label: l.label as Labelled['label'],
      industries: (l.industries ?? '').split(';').filter((x) => x.length > 0),
      segments: (l.segments ?? '').split(';').filter((x) => x.length > 0),
      split: l.split as Split,
      input: { 企业名称: s.fullname, 所属省份: s.province_area, 所属城市: s.city, ...industry },
    };
  });
}

function productsSet(): Labelled[] {
  const d = JSON.parse(readFileSync(`${ROOT}eval/placement/products-labels.json`, 'utf8')) as { companies: Record<string, unknown>[] };
  return d.companies.map((c) => ({
    name: c.name as string,
    label: c.offChain === true ? 'off-chain' : c.otherManufacturing === true ? 'other-manufacturing' : 'chain',
    industries: (c.industries as string[]) ?? [],
    segments: (c.segments as string[]) ?? [],
    split: c.split as Split,
    input: { 企业名称: c.name, 所属省份: c.province, 所属城市: c.city, 主营产品: ((c.products as string[]) ?? []).join('、'), 经营范围: c.businessScope ?? '' },
  }));
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

/** FNV-1a of a name, for a fixed fold that does not depend on row order. */
function foldOf(name: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h % k;
}

/**
 * 5-fold cross-validation within dev: each fold is scored by the configuration that scores best on the other four,
 * so the chosen thresholds are seen on firms they were not chosen on. Score = mean of the three headline accuracies
 * (A 申万三级 main industry, A vendor label main industry, B right segment) minus the mean share of off-chain firms
 * placed on a chain. The holdout split is never read here.
 */
async function crossValidate(): Promise<void> {
  const K = 5;
  const grid: PlacerOptions[] = [];
  for (const nameWordOverrides of [false, true]) for (const labelTextWeight of [0, 0.2, 0.4, 0.6]) for (const retrievalSegmentAt of [0.35, 0.45, 0.55]) grid.push({ nameWordOverrides, labelTextWeight, retrievalSegmentAt });
  const sets = [listedSet('sw3'), listedSet('tushare'), productsSet()].map((all) => all.filter((x) => x.split === 'dev'));
  // outcomes[config][set][row]
  const outcomes: Outcome[][][] = [];
  for (const cfg of grid) {
    const perSet: Outcome[][] = [];
    for (const set of sets) {
      const o: Outcome[] = [];
      await evaluate(set, cfg, o);
      perSet.push(o);
    }
    outcomes.push(perSet);
  }
  const folds = sets.map((set) => set.map((x) => foldOf(x.name, K)));
  const score = (c: number, keep: (f: number) => boolean): number => {
    const acc: number[] = [];
    const off: number[] = [];
    outcomes[c]!.forEach((rows, si) => {
      const rs = rows.filter((_, i) => keep(folds[si]![i]!));
      const chain = rs.filter((r) => r.label === 'chain');
      const offc = rs.filter((r) => r.label === 'off-chain');
      if (si < 2) acc.push(chain.filter((r) => r.mainRight).length / Math.max(1, chain.length));
      else {
        const seg = chain.filter((r) => r.segmentRight !== undefined);
        acc.push(seg.filter((r) => r.segmentRight).length / Math.max(1, seg.length));
      }
      off.push(offc.filter((r) => r.placed).length / Math.max(1, offc.length));
    });
    return acc.reduce((a, b) => a + b, 0) / acc.length - off.reduce((a, b) => a + b, 0) / off.length;
  };
  const label = (c: number): string => JSON.stringify(grid[c]);
  console.log('| configuration | dev (all folds) | mean over held-out folds |');
  console.log('|---|---|---|');
  for (let c = 0; c < grid.length; c++) {
    const perFold = Array.from({ length: K }, (_, k) => score(c, (f) => f === k));
    console.log(`| ${label(c)} | ${(100 * score(c, () => true)).toFixed(2)} | ${((100 * perFold.reduce((a, b) => a + b, 0)) / K).toFixed(2)} |`);
  }
  const cvScores: number[] = [];
  for (let k = 0; k < K; k++) {
    let best = 0;
    for (let c = 1; c < grid.length; c++) if (score(c, (f) => f !== k) > score(best, (f) => f !== k)) best = c;
    cvScores.push(score(best, (f) => f === k));
    console.log(`fold ${k}: chosen on the other folds ${label(best)} → ${(100 * cvScores.at(-1)!).toFixed(2)} on fold ${k}`);
  }
  console.log(`5-fold CV score of choosing by the other folds: ${((100 * cvScores.reduce((a, b) => a + b, 0)) / K).toFixed(2)}`);
}

const DEV_SETS: readonly [string, () => Labelled[]][] = [
  ['A 申万三级 / SW L3', () => listedSet('sw3')],
  ['A 行业标签 / vendor label', () => listedSet('tushare')],
  ['B 产品与经营范围 / products + scope', productsSet],
];

/** Headline figures of one set's outcomes: main industry right (A) or right segment (B), and off-chain placed. */
function headline(rows: readonly Outcome[], segment: boolean): { acc: number; off: number; other: number } {
  const chain = rows.filter((r) => r.label === 'chain');
  const offc = rows.filter((r) => r.label === 'off-chain');
  const seg = chain.filter((r) => r.segmentRight !== undefined);
  const acc = segment ? seg.filter((r) => r.segmentRight).length / Math.max(1, seg.length) : chain.filter((r) => r.mainRight).length / Math.max(1, chain.length);
  const other = rows.filter((r) => r.label === 'other-manufacturing');
  return { acc, off: offc.filter((r) => r.placed).length / Math.max(1, offc.length), other: other.filter((r) => r.placed).length / Math.max(1, other.length) };
}

const meanSd = (xs: readonly number[]): string => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${(100 * m).toFixed(1)} ± ${(100 * sd).toFixed(1)} (min ${(100 * Math.min(...xs)).toFixed(1)}, max ${(100 * Math.max(...xs)).toFixed(1)})`;
};

/**
 * The shipped configuration on each of the 5 dev folds (the folds of `--cv`): per set, the headline accuracy and the
 * share of off-chain firms placed, as mean ± standard deviation over the folds. Nothing is chosen here, so the spread
 * says how much a figure moves with the sample. The holdout split is never read.
 */
async function foldFigures(): Promise<void> {
  const K = 5;
  const score: number[][] = Array.from({ length: K }, () => []);
  console.log('| set (dev, 5 folds) | headline accuracy: mean ± sd | off-chain placed: mean ± sd | other-manufacturing placed: mean ± sd |');
  console.log('|---|---|---|---|');
  for (const [si, [title, make]] of DEV_SETS.entries()) {
    const set = make().filter((x) => x.split === 'dev');
    const o: Outcome[] = [];
    await evaluate(set, trialOptions, o);
    const per = Array.from({ length: K }, (_, k) => headline(o.filter((_, i) => foldOf(set[i]!.name, K) === k), si === 2));
    per.forEach((p, k) => score[k]!.push(p.acc, -p.off));
    console.log(`| ${title} | ${meanSd(per.map((p) => p.acc))} | ${meanSd(per.map((p) => p.off))} | ${meanSd(per.map((p) => p.other))} |`);
  }
  // The --cv score: mean of the three accuracies minus the mean off-chain share, per fold.
  const s = score.map((xs) => (xs[0]! + xs[2]! + xs[4]!) / 3 + (xs[1]! + xs[3]! + xs[5]!) / 3);
  console.log(`\nscore per fold (as --cv): ${s.map((x) => (100 * x).toFixed(2)).join(', ')}; ${meanSd(s)}`);
}

/** Dev only: labelled main industry → placed main industry, the off-diagonal cells, largest first. */
async function confusion(): Promise<void> {
  for (const [title, make] of DEV_SETS) {
    const set = make().filter((x) => x.split === 'dev');
    const o: Outcome[] = [];
    await evaluate(set, trialOptions, o);
    const cells = new Map<string, number>();
    for (const r of o) if (r.want !== r.got && !(r.label === 'other-manufacturing' && r.got === '—') && !(r.label === 'off-chain' && r.got === '—')) cells.set(`${r.want} → ${r.got}`, (cells.get(`${r.want} → ${r.got}`) ?? 0) + 1);
    console.log(`\n## ${title}: ${o.length} rows, ${[...cells.values()].reduce((a, b) => a + b, 0)} off the diagonal`);
    console.log([...cells].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k}: ${n}`).join('\n'));
  }
}

async function main(): Promise<void> {
  if (!existsSync(SHARED)) {
    console.error(`eval:placement needs ${SHARED} (the shared reference data)`);
    process.exit(2);
  }
  if (args.includes('--cv')) {
    await crossValidate();
    return;
  }
  if (args.includes('--folds')) {
    await foldFigures();
    return;
  }
  if (args.includes('--confusion')) {
    await confusion();
    return;
  }
  const out: Record<string, Record<string, Metrics>> = {};
  const sets: [string, () => Labelled[]][] = [
    ['A 上市公司·仅名称+地点+申万三级 / listed, name + place + SW L3', () => listedSet('sw3')],
    ['A 上市公司·仅名称+地点+行业标签 / listed, name + place + vendor label', () => listedSet('tushare')],
    ['B 产品与经营范围 / products and business scope', productsSet],
  ];
  for (const [title, make] of sets) {
    const all = make();
    if (showErrors) console.log(`\n# errors: ${title}`);
    out[title] = {};
    for (const split of splits) out[title][split] = await evaluate(all.filter((x) => x.split === split), trialOptions);
  }
  if (asJson) {
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  for (const [title, bySplit] of Object.entries(out)) {
    console.log(`\n## ${title}`);
    console.log('| split | chain n | main industry right (target ≥ 90%) | any industry right | placed | right segment (B: target ≥ 85%) | off-chain n | off-chain placed on a chain (target ≤ 5%) | other-mfg placed |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const [split, m] of Object.entries(bySplit)) {
      console.log(`| ${split} | ${m.chain} | ${pct(m.mainRight, m.chain)} | ${pct(m.anyRight, m.chain)} | ${pct(m.placed, m.chain)} | ${pct(m.segmentRight, m.withSegmentLabel)} | ${m.offChain} | ${pct(m.offChainPlaced, m.offChain)} | ${pct(m.otherManufacturingPlaced, m.otherManufacturing)} |`);
    }
    for (const [split, m] of Object.entries(bySplit)) {
      console.log(`  ${split} per industry: ${Object.entries(m.perIndustry).sort().map(([i, p]) => `${i} ${pct(p.right, p.n)} (${p.n})`).join(', ')}`);
    }
  }
}

await main();
