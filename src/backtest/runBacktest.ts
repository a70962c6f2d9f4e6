import { UsageError } from '../errors.js';
import { normalizeCompanyName } from '../match/normalizeCompanyName.js';
import { bootstrapPairedAuc, pairedAuc } from '../stats/auc.js';
import { rankCompanies } from '../scoring/rankCompanies.js';
import type { RankOptions } from '../scoring/rankOptions.js';
import type { Ranking } from '../scoring/types.js';
import { LANDED_STATUSES, type Outcome } from '../schema/outcome.js';
import type { Company, Dataset } from '../schema/index.js';
import { companiesWithoutTies, datasetBefore, withoutTies, type Removed } from './asItStood.js';
import type { ReconstructionEntry, ReconstructionSpec } from './reconstructionSpec.js';
import { splitOf, type SplitPart } from './split.js';

/** Inputs of `runBacktest`. */
export interface BacktestInput {
  /** The home city's dataset (its `meta.home.city` is the city evaluated). */
  readonly dataset: Dataset;
  /** Candidates beyond `dataset.companies` (an imported list: landed firms not in the data, unrelated giants). */
  readonly extraCandidates?: readonly Company[];
  /** Outcomes of every city (only the home city's can be evaluated on this dataset). */
  readonly outcomes: readonly Outcome[];
  readonly reconstruction: ReconstructionSpec;
  /** Weights of the ranking under test (default: the ranking's default preset). */
  readonly weights?: RankOptions['weights'];
  /** Share held out, percent (default 30). */
  readonly heldOutPercent?: number;
  /** Cut-offs of precision@k and hit rate (default [10, 20, 50]). */
  readonly ks?: readonly number[];
  /** Ids of firms with no chain relevance by construction (banks, insurers, property, portals, airlines), checked apart. */
  readonly unrelatedIds?: readonly string[];
  /**
   * Dev part only (for tuning): held-out landings are neither ranked nor listed, held-out firms give no feature rows,
   * and `heldout` is reported empty (0 landings, no AUC). Use this while changing the score; the lead runs the
   * held-out part once at the end.
   */
  readonly devOnly?: boolean;
}

/** One landing and how the ranking placed it, in the dataset as it stood before it. */
export interface LandingResult {
  readonly company: string;
  readonly companyId?: string;
  readonly city: string;
  readonly date: string;
  readonly status: string;
  readonly confidence: string;
  readonly part: SplitPart;
  readonly industry?: string;
  readonly evaluable: boolean;
  /** Why the landing could not be evaluated (zh / en), when it could not. */
  readonly reason?: { readonly zh: string; readonly en: string };
  /** Rank among all candidates of the default ranking (undefined: not ranked, e.g. placed off-chain). */
  readonly rank?: number;
  readonly rankedCount?: number;
  readonly score?: number;
  readonly rankNoTies?: number;
  readonly removed?: Removed;
  readonly negatives?: number;
  readonly peers?: number;
  readonly aucAll?: number;
  readonly aucPeers?: number;
  readonly aucPeersNoTies?: number;
  /**
   * The landed firm's features and those of its peers, in the same before-ranking (every ranked firm, chain-relevant
   * or not; relevance under `relevance`): what the per-feature comparison (`featureContrast`) reads.
   */
  readonly contrast?: { readonly landed: Readonly<Record<string, number>>; readonly peers: readonly Readonly<Record<string, number>>[]; readonly peerIds: readonly string[] };
}

/** A feature row for the learned weights: one firm, its features in the ranking, landed or not. */
export interface FeatureRow {
  readonly id: string;
  readonly name: string;
  readonly part: SplitPart;
  readonly landed: boolean;
  readonly features: Readonly<Record<string, number>>;
}

/** A 90% bootstrap interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Figures of one part (dev or held-out). */
export interface PartFigures {
  readonly part: SplitPart;
  readonly landings: number;
  readonly negatives: number;
  readonly aucAll?: number;
  readonly aucPeers?: number;
  readonly aucPeersNoTies?: number;
  /** 90% bootstrap intervals of the three AUCs, resampling landings (wide with few landings). */
  readonly intervals?: { readonly all?: Interval; readonly peers?: Interval; readonly peersNoTies?: Interval };
  /** Pooled ranking (every landing's records removed): landed firms among the top k of the part's firms. */
  readonly precisionAtK: readonly { readonly k: number; readonly landedInTop: number; readonly precision: number }[];
  /** Share of landings ranked within the top k of all candidates in their own before-ranking. */
  readonly hitRate: readonly { readonly k: number; readonly rate: number }[];
  readonly byIndustry: readonly { readonly industry: string; readonly landings: number; readonly aucAll?: number; readonly aucPeers?: number }[];
}

/** Result of `runBacktest`. */
export interface BacktestReport {
  readonly city: string;
  readonly landings: readonly LandingResult[];
  readonly dev: PartFigures;
  readonly heldout: PartFigures;
  /** Outcomes of other cities: listed, not evaluated on this dataset (with the reason). */
  readonly otherCities: readonly { readonly city: string; readonly landings: number; readonly reason: { readonly zh: string; readonly en: string } }[];
  /**
   * Unrelated firms in the pooled ranking: rank (undefined when left out, e.g. off-chain) and how many firms placed on a
   * chain (not unrelated) rank below them. The target is 0 for every one.
   */
  readonly unrelated: readonly { readonly id: string; readonly name: string; readonly placement?: string; readonly rank?: number; readonly chainFirmsBelow: number }[];
  /** Feature rows for the learned weights (positives in their before-dataset, negatives in the pooled one). */
  readonly rows: readonly FeatureRow[];
}

const NOT_RANKED = Number.NEGATIVE_INFINITY;

/** Scores of one landed firm and of the firms it is compared with, in one ranking. */
interface PairGroup {
  positives: number[];
  negatives: number[];
}

function scoreMap(r: Ranking): Map<string, number> {
  return new Map(r.items.map((i) => [i.id, i.score]));
}

function findCandidate(o: Outcome, candidates: readonly Company[]): Company | undefined {
  if (o.companyId !== undefined) {
    const byId = candidates.find((c) => c.id === o.companyId);
    if (byId !== undefined) return byId;
  }
  return candidates.find((c) => c.name === o.company || (c.aliases ?? []).includes(o.company));
}

/**
 * The keys that identify a landing's records: the reconstruction entry's keys plus the core names (legal form and
 * region stripped, `normalizeCompanyName`) of the company and of its group companies.
 */
function landingKeys(entry: ReconstructionEntry, company: Company, universe: readonly Company[]): string[] {
  const names = [company.name, ...entry.group.map((g) => universe.find((c) => c.id === g)?.name).filter((n): n is string => n !== undefined)];
  const cores = names.map((n) => normalizeCompanyName(n)).filter((n) => n.length >= 2);
  return [...new Set([...entry.keys, ...cores])];
}

const isLanded = (o: Outcome): boolean => (LANDED_STATUSES as readonly string[]).includes(o.status);

/**
 * Split a rebuilt list of companies into the dataset's targets and the imported candidates by id (`targetIds`: the
 * ids of `dataset.companies`), whatever their order or number: a rebuild that drops, adds or reorders companies
 * cannot move an imported firm into the dataset or a target out of it (a split by position, `slice(0, n)`, would).
 *
 * @internal
 * @example
 * splitTargets([imported, target], new Set([target.id])); // { targets: [target], imported: [imported] }
 */
export function splitTargets(companies: readonly Company[], targetIds: ReadonlySet<string>): { targets: Company[]; imported: Company[] } {
  const targets: Company[] = [];
  const imported: Company[] = [];
  for (const c of companies) (targetIds.has(c.id) ? targets : imported).push(c);
  return { targets, imported };
}

/**
 * Backtest the ranking on recorded outcomes: for every landing in the dataset's home city, rebuild the dataset as it
 * stood before it (`datasetBefore`, with the reconstruction keys plus the core names of the company and its group), rank every candidate, and compare the landed firm with the firms that did not
 * land (all of them, and its sector peers: firms sharing one of the project's segments), in the same rebuilt
 * dataset; once more with every tie removed. AUCs pool these within-landing pairs; dev and held-out parts (by a
 * hash of the company name, `splitOf`) are reported apart. Non-landed firms exclude every firm with an outcome in the city
 * other than 流失 (a lost firm is a non-landed firm), its group, and firms with an existing-investment tie. Outcomes of other cities are listed but not evaluated: the
 * dataset's gaps, local firms and distances are the home city's. Deterministic; pure.
 *
 * @throws {UsageError} code `OPTIONS_INVALID` when an imported candidate has the id of a company of the dataset
 *
 * @example
 * const report = runBacktest({ dataset: liaocheng(), outcomes, reconstruction });
 * report.heldout.aucAll; // a number in [0, 1]
 */
export function runBacktest(input: BacktestInput): BacktestReport {
  const { dataset } = input;
  const city = dataset.meta.home.city;
  const pct = input.heldOutPercent ?? 30;
  const ks = input.ks ?? [10, 20, 50];
  const weights = input.weights !== undefined ? { weights: input.weights } : {};
  const extra = input.extraCandidates ?? [];
  const entryOf = (o: Outcome): ReconstructionEntry =>
    input.reconstruction[o.companyId ?? ''] ?? input.reconstruction[o.company] ?? { keys: [], keepEnterprises: [], group: [] };
  const segIndustry = new Map(dataset.segments.map((s) => [s.id, s.industry]));

  const home = input.outcomes.filter((o) => o.city === city);
  // Targets and imported candidates are told apart by id: an imported firm may not reuse a target's id.
  const targetIds = new Set(dataset.companies.map((c) => c.id));
  const clash = extra.find((c) => targetIds.has(c.id));
  if (clash !== undefined) {
    throw new UsageError(
      `runBacktest: imported candidate "${clash.id}" has the id of a company of the dataset; ids must be unique`,
      `runBacktest：导入候选企业“${clash.id}”与数据集中的企业 id 相同；id 须唯一`,
      [],
      'OPTIONS_INVALID',
    );
  }
  const universe = [...dataset.companies, ...extra];
  const withExtra: Dataset = { ...dataset, companies: universe };
  // Firms that are not fair negatives: every home-city outcome firm (any status), their groups, firms with an existing investment.
  const excluded = new Set<string>();
  for (const o of home.filter((x) => x.status !== '流失')) {
    const c = findCandidate(o, universe);
    if (c !== undefined) excluded.add(c.id);
    for (const g of entryOf(o).group) excluded.add(g);
  }
  for (const c of universe) if ((c.ties ?? []).some((t) => t.type === 'existing-investment') || c.local === true) excluded.add(c.id);
  const negativesAll = universe.filter((c) => !excluded.has(c.id));
  const partOfCompany = (c: Company): SplitPart => splitOf(c.name, pct);

  const rank = (ds: Dataset, companies: readonly Company[], asOf: string | undefined, includeOffChain: boolean): Ranking =>
    rankCompanies(ds, { companies: [...companies], lazyReasons: true, includeOffChain, ...(asOf !== undefined ? { asOf } : {}), ...weights });

  const landings: LandingResult[] = [];
  const rows: FeatureRow[] = [];
  const groups: Record<SplitPart, { all: PairGroup[]; peers: PairGroup[]; peersNoTies: PairGroup[] }> = {
    dev: { all: [], peers: [], peersNoTies: [] },
    heldout: { all: [], peers: [], peersNoTies: [] },
  };
  const byIndustry = new Map<string, { part: SplitPart; all: PairGroup; peers: PairGroup }[]>();
  for (const o of home.filter(isLanded)) {
    const part = splitOf(o.company, pct);
    if (input.devOnly === true && part === 'heldout') continue;
    const industry = o.segments?.[0] !== undefined ? segIndustry.get(o.segments[0]) : undefined;
    const base = { company: o.company, ...(o.companyId !== undefined ? { companyId: o.companyId } : {}), city: o.city, date: o.date, status: o.status, confidence: o.confidence, part, ...(industry !== undefined ? { industry } : {}) };
    const target = findCandidate(o, universe);
    if (target === undefined) {
      landings.push({ ...base, evaluable: false, reason: { zh: '候选名单中没有该企业（未导入）', en: 'the company is not among the candidates (not imported)' } });
      continue;
    }
    const entry = entryOf(o);
    // Imported candidates are rebuilt with the dataset (a city's ties file may give them ties the landing created).
    const { dataset: beforeAll, removed } = datasetBefore(withExtra, { date: o.date, keys: landingKeys(entry, target, universe), keepEnterprises: entry.keepEnterprises });
    const split = splitTargets(beforeAll.companies, targetIds);
    const before: Dataset = { ...beforeAll, companies: split.targets };
    const beforeExtra = split.imported;
    const cands = [...before.companies, ...beforeExtra];
    const ranking = rank(before, cands, o.date, false);
    const scores = scoreMap(ranking);
    const noTies = withoutTies(before);
    const rankingNoTies = rank(noTies, [...noTies.companies, ...companiesWithoutTies(beforeExtra)], o.date, false);
    const scoresNoTies = scoreMap(rankingNoTies);
    const full = rank(before, cands, o.date, true);
    const fullItem = full.items.find((i) => i.id === target.id);
    if (fullItem !== undefined) rows.push({ id: target.id, name: target.name, part, landed: true, features: { ...fullItem.features } });

    const negs = negativesAll.filter((c) => partOfCompany(c) === part);
    const segs = new Set(o.segments ?? []);
    const peers = negs.filter((c) => (c.segments ?? []).some((s) => segs.has(s)));
    const s = scores.get(target.id) ?? NOT_RANKED;
    const s0 = scoresNoTies.get(target.id) ?? NOT_RANKED;
    const gAll = { positives: [s], negatives: negs.map((c) => scores.get(c.id) ?? NOT_RANKED) };
    const gPeers = { positives: [s], negatives: peers.map((c) => scores.get(c.id) ?? NOT_RANKED) };
    const gPeers0 = { positives: [s0], negatives: peers.map((c) => scoresNoTies.get(c.id) ?? NOT_RANKED) };
    groups[part].all.push(gAll);
    groups[part].peers.push(gPeers);
    groups[part].peersNoTies.push(gPeers0);
    if (industry !== undefined) {
      const list = byIndustry.get(industry) ?? [];
      list.push({ part, all: gAll, peers: gPeers });
      byIndustry.set(industry, list);
    }
    const fullFeatures = new Map(full.items.map((i) => [i.id, { ...i.features, relevance: i.relevance, score: i.score }]));
    const landedFeatures = fullFeatures.get(target.id);
    const rankedPeers = peers.filter((c) => fullFeatures.has(c.id));
    const contrast = landedFeatures !== undefined ? { landed: landedFeatures, peers: rankedPeers.map((c) => fullFeatures.get(c.id)!), peerIds: rankedPeers.map((c) => c.id) } : undefined;
    const item = ranking.items.find((i) => i.id === target.id);
    const item0 = rankingNoTies.items.find((i) => i.id === target.id);
    const aAll = pairedAuc([gAll]);
    const aPeers = pairedAuc([gPeers]);
    const aPeers0 = pairedAuc([gPeers0]);
    landings.push({
      ...base,
      evaluable: true,
      ...(item !== undefined ? { rank: item.rank, score: item.score } : {}),
      rankedCount: ranking.items.length,
      ...(item0 !== undefined ? { rankNoTies: item0.rank } : {}),
      removed,
      negatives: negs.length,
      peers: peers.length,
      ...(aAll !== undefined ? { aucAll: aAll } : {}),
      ...(aPeers !== undefined ? { aucPeers: aPeers } : {}),
      ...(aPeers0 !== undefined ? { aucPeersNoTies: aPeers0 } : {}),
      ...(contrast !== undefined ? { contrast } : {}),
    });
  }

  // Pooled ranking: every home landing's records removed (keys only, no date cut).
  const allEntries = home.map(entryOf);
  const { dataset: poolAll } = datasetBefore(withExtra, {
    date: '9999',
    keys: home.flatMap((o) => {
      const c = findCandidate(o, universe);
      return c === undefined ? entryOf(o).keys : landingKeys(entryOf(o), c, universe);
    }),
    keepEnterprises: allEntries.flatMap((e) => e.keepEnterprises),
  });
  const pool: Dataset = { ...poolAll, companies: splitTargets(poolAll.companies, targetIds).targets };
  const poolCands = poolAll.companies;
  const poolRanking = rank(pool, poolCands, undefined, false);
  const poolScores = scoreMap(poolRanking);
  const unrelatedSet = new Set(input.unrelatedIds ?? []);
  const unrelated = poolCands
    .filter((c) => unrelatedSet.has(c.id))
    .map((c) => {
      const item = poolRanking.items.find((i) => i.id === c.id);
      const chainFirmsBelow = item === undefined ? 0 : poolRanking.items.filter((i) => i.rank > item.rank && !unrelatedSet.has(i.id)).length;
      return { id: c.id, name: c.name, ...(c.placement !== undefined ? { placement: c.placement.status } : {}), ...(item !== undefined ? { rank: item.rank } : {}), chainFirmsBelow };
    });
  const poolFull = rank(pool, poolCands, undefined, true);
  const poolFeatures = new Map(poolFull.items.map((i) => [i.id, i.features]));
  for (const c of negativesAll) {
    const f = poolFeatures.get(c.id);
    const part = partOfCompany(c);
    if (f !== undefined && !(input.devOnly === true && part === 'heldout')) rows.push({ id: c.id, name: c.name, part, landed: false, features: { ...f } });
  }
  const landedTargets = home.filter(isLanded).map((o) => ({ o, c: findCandidate(o, universe) }));

  const figures = (part: SplitPart): PartFigures => {
    if (input.devOnly === true && part === 'heldout') return { part, landings: 0, negatives: 0, precisionAtK: [], hitRate: [], byIndustry: [] };
    const g = groups[part];
    const negs = negativesAll.filter((c) => partOfCompany(c) === part);
    const pos = landedTargets.filter((t) => t.c !== undefined && splitOf(t.o.company, pct) === part).map((t) => t.c!);
    const pooled = [...pos.map((c) => ({ s: poolScores.get(c.id) ?? NOT_RANKED, landed: true, id: c.id })), ...negs.map((c) => ({ s: poolScores.get(c.id) ?? NOT_RANKED, landed: false, id: c.id }))].sort(
      (a, b) => b.s - a.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const evaluated = landings.filter((l) => l.part === part && l.evaluable);
    const industries = [...byIndustry.entries()]
      .map(([industry, list]) => {
        const mine = list.filter((x) => x.part === part);
        const aAll = pairedAuc(mine.map((x) => x.all));
        const aPeers = pairedAuc(mine.map((x) => x.peers));
        return { industry, landings: mine.length, ...(aAll !== undefined ? { aucAll: aAll } : {}), ...(aPeers !== undefined ? { aucPeers: aPeers } : {}) };
      })
      .filter((x) => x.landings > 0)
      .sort((a, b) => (a.industry < b.industry ? -1 : 1));
    const aAll = pairedAuc(g.all);
    const aPeers = pairedAuc(g.peers);
    const aPeers0 = pairedAuc(g.peersNoTies);
    const iAll = bootstrapPairedAuc(g.all);
    const iPeers = bootstrapPairedAuc(g.peers);
    const iPeers0 = bootstrapPairedAuc(g.peersNoTies);
    return {
      part,
      intervals: { ...(iAll !== undefined ? { all: iAll } : {}), ...(iPeers !== undefined ? { peers: iPeers } : {}), ...(iPeers0 !== undefined ? { peersNoTies: iPeers0 } : {}) },
      landings: evaluated.length,
      negatives: negs.length,
      ...(aAll !== undefined ? { aucAll: aAll } : {}),
      ...(aPeers !== undefined ? { aucPeers: aPeers } : {}),
      ...(aPeers0 !== undefined ? { aucPeersNoTies: aPeers0 } : {}),
      precisionAtK: ks.map((k) => {
        const landedInTop = pooled.slice(0, k).filter((x) => x.landed && x.s !== NOT_RANKED).length;
        return { k, landedInTop, precision: landedInTop / k };
      }),
      hitRate: ks.map((k) => ({ k, rate: evaluated.length === 0 ? Number.NaN : evaluated.filter((l) => l.rank !== undefined && l.rank <= k).length / evaluated.length })),
      byIndustry: industries,
    };
  };

  const otherCities = [...new Set(input.outcomes.filter((o) => o.city !== city && isLanded(o)).map((o) => o.city))].sort().map((c) => ({
    city: c,
    landings: input.outcomes.filter((o) => o.city === c && isLanded(o)).length,
    reason: {
      zh: `数据集是${city}的：缺口、本地企业、距离与政策均为${city}，用它给${c}的落地排名没有意义；需要${c}自己的数据集（产业链、本地企业、城市坐标）`,
      en: `the dataset is ${city}'s: gaps, local firms, distances and priorities are ${city}'s, so ranking ${c}'s landings on it means nothing; ${c} needs its own dataset (chains, local enterprises, coordinates)`,
    },
  }));
  return { city, landings, dev: figures('dev'), heldout: figures('heldout'), otherCities, unrelated, rows };
}


/** Per-feature comparison of landed firms with their peers (see `featureContrast`). */
export interface FeatureContrast {
  readonly feature: string;
  /** Mean over landings of the landed firm's value. */
  readonly landedMean: number;
  /** Mean over landings of the mean peer value. */
  readonly peersMean: number;
  /** Share of (landing, peer) pairs where the landed firm's value is higher (ties count half): a one-feature AUC. */
  readonly auc?: number;
  readonly landings: number;
}

/**
 * For each feature (and relevance), how the landed firms of one part compare with their peers in the same
 * before-ranking: means and the one-feature pairwise AUC. Which features put peers above landed firms is what
 * the scoring changes are judged on (dev only).
 *
 * @example
 * featureContrast(report, 'dev').find((f) => f.feature === 'scale')?.auc; // < 0.5 when peers are larger
 */
export function featureContrast(report: BacktestReport, part: SplitPart = 'dev'): FeatureContrast[] {
  const ls = report.landings.filter((l) => l.part === part && l.contrast !== undefined && l.contrast.peers.length > 0);
  const names = ls.length === 0 ? [] : Object.keys(ls[0]!.contrast!.landed);
  return names.map((feature) => {
    let landedSum = 0;
    let peersSum = 0;
    const groups = ls.map((l) => {
      const x = l.contrast!.landed[feature] ?? 0;
      const ps = l.contrast!.peers.map((p) => p[feature] ?? 0);
      landedSum += x;
      peersSum += ps.reduce((a, b) => a + b, 0) / ps.length;
      return { positives: [x], negatives: ps };
    });
    const a = pairedAuc(groups);
    return { feature, landedMean: ls.length === 0 ? 0 : landedSum / ls.length, peersMean: ls.length === 0 ? 0 : peersSum / ls.length, ...(a !== undefined ? { auc: a } : {}), landings: ls.length };
  });
}
