// 规划工具接入示例：工程师在自己的招商云平台里调用本库，生成看板所需的 JSON（产业链完整度、重点缺口、
// 目标企业及理由、落地后的机会增益）。
// Planning-tool example: an engineer calls the library from their own platform and builds the JSON a
// dashboard needs (chain completeness, top gaps, targets with reasons and opportunity gain).
//
// Run after `npm run build`:  npx tsx examples/import-into-planning-tool.ts [DATA_DIR] > dashboard.json
import {
  analyzeGaps,
  buildGapContext,
  liaocheng,
  loadDataset,
  opportunityGain,
  rankCompanies,
  withOpportunityGain,
  type Dataset,
  type GapKind,
} from 'chain-targeting';

/** What the platform's dashboard API expects (the tool's own types, filled from the library's results). */
interface DashboardPayload {
  readonly dataset: { readonly id: string; readonly name: string; readonly asOf: string };
  readonly city: { readonly completeness: number; readonly localSupplyRate: number; readonly gaps: Readonly<Record<GapKind, number>> };
  readonly industries: readonly { readonly id: string; readonly name: string; readonly completeness: number; readonly topGaps: readonly string[] }[];
  readonly topGaps: readonly { readonly segment: string; readonly name: string; readonly kind: GapKind; readonly priority: number; readonly why: string }[];
  readonly targets: readonly {
    readonly rank: number;
    readonly id: string;
    readonly name: string;
    readonly score: number;
    readonly opportunityGain: number | null;
    readonly approach: string;
    readonly reasons: readonly string[];
  }[];
}

const dir = process.argv[2];
const ds: Dataset = dir !== undefined ? await loadDataset(dir) : liaocheng(); // throws DatasetError listing every problem

const context = buildGapContext(ds);
const gaps = analyzeGaps(ds);
const ranking = rankCompanies(ds, { gaps, top: 10 });
const withGain = withOpportunityGain(ranking, opportunityGain(ds, undefined, { context }));

const payload: DashboardPayload = {
  dataset: { id: ds.meta.id, name: ds.meta.name, asOf: ds.meta.asOf },
  city: { completeness: gaps.city.completeness, localSupplyRate: gaps.city.localSupplyRate, gaps: gaps.city.counts },
  industries: gaps.industries.map((i) => ({ id: i.id, name: i.name, completeness: i.completeness, topGaps: i.topGaps })),
  topGaps: gaps.segments
    .filter((g) => g.kind !== 'none')
    .slice(0, 5)
    .map((g) => ({ segment: g.id, name: g.name, kind: g.kind, priority: g.priority, why: g.reasons[0]?.zh ?? '' })),
  targets: withGain.items.map((i) => ({
    rank: i.rank,
    id: i.id,
    name: i.name,
    score: Math.round(i.score * 1e4) / 1e4,
    opportunityGain: i.opportunityGain ?? null,
    approach: i.approach.zh,
    reasons: i.reasons.slice(0, 3).map((r) => r.zh),
  })),
};

// A real tool would POST this to its API or store it; here it goes to stdout.
console.log(JSON.stringify(payload, null, 2));
