// Stages with targets at 聊城 size (S): one what-if re-run, opportunity gain for all candidates, the full handbook.
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import type { Dataset } from '../../src/schema/index.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { round } from '../harness/stats.js';
import type { RunPlan } from '../harness/types.js';
import { measureRow, optionalExport, unavailable, type BenchCase } from './common.js';

const SMALL_PLAN: RunPlan = { warmup: 3, minRuns: 15, maxRuns: 50, budgetMs: 4_000 };

type RunScenario = (ds: Dataset, scenario: unknown, options?: Record<string, unknown>) => { ranking: { items: readonly unknown[] } };
type Land = (company: string, options?: Record<string, unknown>) => unknown;
type OpportunityGain = (ds: Dataset, companies?: unknown, options?: Record<string, unknown>) => readonly unknown[];

/** One what-if re-run on 聊城: land the top-ranked company (in 临清市) and re-rank, reusing the base gap context. */
export const whatifS: BenchCase = {
  id: 'whatif.S',
  size: 'S',
  stage: 'what-if re-run',
  title: 'one what-if re-run at 聊城',
  async execute() {
    const stage = 'what-if re-run' as const;
    const label = 'runScenario(land top company in 临清市), base gap context reused; full re-rank with reasons';
    const target = { maxMs: 20 };
    const runScenario = await optionalExport<RunScenario>('../../src/whatif/runScenario.js', 'runScenario');
    const land = await optionalExport<Land>('../../src/whatif/land.js', 'land');
    if (typeof runScenario === 'string' || typeof land === 'string') return { results: [unavailable('whatif.S', stage, 'S', label, typeof runScenario === 'string' ? runScenario : String(land), target)] };
    const ds = liaocheng();
    const context = buildGapContext(ds);
    const top = rankCompanies(ds, { top: 1 }).items[0]!.id;
    const scenario = { name: 'bench', changes: [land(top, { county: '临清市' })] };
    const { result } = await measureRow(
      { id: 'whatif.S', stage, size: 'S', label, target },
      () => runScenario(ds, scenario, { context }),
      SMALL_PLAN,
      (r) => ({ rankedItems: r.ranking.items.length, landed: top }),
    );
    const top20 = await measureRow(
      { id: 'whatif-top20.S', stage, size: 'S', label: 'the same with rank: { top: 20 } (reasons for the 20 shown items only)' },
      () => runScenario(ds, scenario, { context, rank: { top: 20 } }),
      SMALL_PLAN,
    );
    const cold = await measureRow({ id: 'whatif-cold.S', stage, size: 'S', label: 'runScenario without a prebuilt gap context (graph metrics recomputed)' }, () => runScenario(ds, scenario), SMALL_PLAN);
    return { results: [result, top20.result, cold.result] };
  },
};

/** Opportunity gain of every 聊城 candidate (what landing each would add). */
export const opportunityS: BenchCase = {
  id: 'opportunity.S',
  size: 'S',
  stage: 'opportunity gain (all candidates)',
  title: 'opportunity gain for all candidates at 聊城',
  async execute() {
    const stage = 'opportunity gain (all candidates)' as const;
    const label = 'opportunityGain(liaocheng()) for every company (gap context built inside)';
    const target = { maxMs: 200 };
    const opportunityGain = await optionalExport<OpportunityGain>('../../src/whatif/opportunityGain.js', 'opportunityGain');
    if (typeof opportunityGain === 'string') return { results: [unavailable('opportunity.S', stage, 'S', label, opportunityGain, target)] };
    const ds = liaocheng();
    const { result } = await measureRow({ id: 'opportunity.S', stage, size: 'S', label, target }, () => opportunityGain(ds), SMALL_PLAN, (g) => ({ candidates: g.length }));
    return { results: [result] };
  },
};

type BuildHandbook = (ds: Dataset, options?: Record<string, unknown>) => unknown;
type Render = (handbook: unknown) => string | Uint8Array | Promise<string | Uint8Array>;

/** Renderers of the handbook, tried in this order; the ones that exist are part of "the full handbook". */
const RENDERERS: readonly (readonly [string, string])[] = [
  ['../../src/handbook/render/html.js', 'renderHtml'],
  ['../../src/handbook/render/markdown.js', 'renderMarkdown'],
  ['../../src/handbook/render/xlsx.js', 'renderXlsx'],
  ['../../src/handbook/render/csv.js', 'renderCsv'],
];

/** The full 招商手册 of 聊城: build (gaps, rankings city-wide and per industry, chapters, charts) and render every format. */
export const handbookS: BenchCase = {
  id: 'handbook.S',
  size: 'S',
  stage: 'handbook',
  title: 'the full handbook at 聊城',
  async execute() {
    const stage = 'handbook' as const;
    const target = { maxMs: 5_000 };
    const buildHandbook = await optionalExport<BuildHandbook>('../../src/handbook/buildHandbook.js', 'buildHandbook');
    if (typeof buildHandbook === 'string') return { results: [unavailable('handbook.S', stage, 'S', 'buildHandbook + renderers', buildHandbook, target)] };
    const renderers: [string, Render][] = [];
    for (const [path, name] of RENDERERS) {
      const r = await optionalExport<Render>(path, name);
      if (typeof r !== 'string') renderers.push([name, r]);
    }
    const ds = liaocheng();
    const label = `buildHandbook(liaocheng()) + ${renderers.map(([n]) => n).join(' + ') || '(no renderer yet)'}`;
    const sizes: Record<string, number> = {};
    const stepMs: Record<string, number> = {};
    const { result } = await measureRow(
      { id: 'handbook.S', stage, size: 'S', label, target },
      async () => {
        let t = performance.now();
        const hb = buildHandbook(ds);
        stepMs.buildMs = performance.now() - t;
        for (const [name, render] of renderers) {
          t = performance.now();
          const out = await render(hb);
          stepMs[`${name}Ms`] = performance.now() - t;
          sizes[`${name}Kb`] = round((typeof out === 'string' ? Buffer.byteLength(out) : out.length) / 1024, 3);
        }
        return hb;
      },
      { warmup: 1, minRuns: 5, maxRuns: 10, budgetMs: 8_000 },
      () => ({ ...Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [`last_${k}`, round(v)])), ...sizes }),
    );
    return { results: [result] };
  },
};
