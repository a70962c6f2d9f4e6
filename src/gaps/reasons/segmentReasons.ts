import type { Link } from '../../schema/link.js';
import type { Segment } from '../../schema/segment.js';
import type { GapUnit } from '../context.js';
import type { ResolvedGapOptions } from '../options.js';
import type { NeighbourRef, SegmentFacts, Verdict, Weakness } from '../rules/facts.js';
import { supplySecurity } from '../rules/supplySecurity.js';
import { GAP_KIND_LABELS, PRIORITY_FACTORS, type Evidence, type GapKind, type PriorityBreakdown, type PriorityFactor, type Reason } from '../types.js';
import { amount, f2, pct } from './format.js';

/** The local firms of one segment as reasons quote them. */
export interface FirmSummary {
  /** Display names, largest revenue first. */
  readonly names: readonly string[];
  /** Local revenue attributed to the segment, 亿元. */
  readonly revenue: number;
  /** Number of firms (cluster records count as the firms they stand for). */
  readonly count: number;
  /** Records that stand for many firms (a cluster or a city aggregate, `firms` > 1): their firm counts are not quoted. */
  readonly aggregates?: number;
  /** Names of multi-segment firms whose revenue here comes from the default equal split. */
  readonly assumedSplit: readonly string[];
  /** The revenue rests only on estimates (every firm's `revenueEstimated`; issue 14): amounts are marked （估计）. */
  readonly estimated?: boolean;
}

/** What the reason builder needs about one classified segment. */
export interface ReasonInput {
  readonly verdict: Verdict;
  readonly facts: SegmentFacts;
  readonly segment: Segment;
  /** Segments by index (of the gap context). */
  readonly segments: readonly Segment[];
  /** Units by index (of the gap context). */
  readonly units: readonly GapUnit[];
  /** The local firms of a segment, by segment index. */
  readonly firmsOf: (index: number) => FirmSummary;
  /** Local revenue (亿元) of a unit, by unit index. */
  readonly unitRevenue: (unit: number) => number;
  /** For the supply-security finding: the absent inputs (heaviest first) and their gap kinds; [] when it does not apply. */
  readonly supplyInputs: readonly { readonly index: number; readonly kind: GapKind }[];
  readonly priority: number;
  readonly breakdown: PriorityBreakdown;
  readonly thresholds: ResolvedGapOptions['thresholds'];
  /** What the data says about the segment's firms (issue 14): absence is worded as what the data shows. */
  readonly evidence?: Evidence;
  /**
   * What a present customer buys of this segment a year (亿元), from the link's input–output coefficient (see
   * `customerDemand`); undefined when the link has none. Absent: no amounts are quoted.
   */
  readonly demandOf?: (customer: NeighbourRef) => number | undefined;
}

const FACTOR_TEXT: Readonly<Record<PriorityFactor, { zh: string; en: string }>> = {
  demandPull: { zh: '需求拉动', en: 'demand pull' },
  supplyPush: { zh: '供给推动', en: 'supply push' },
  relatedness: { zh: '关联密度', en: 'relatedness' },
  centrality: { zh: '中心性', en: 'centrality' },
  strategic: { zh: '战略性', en: 'strategic' },
  cityPriority: { zh: '城市优先级', en: 'city priority' },
};

const UNIT_TEXT: Readonly<Record<GapUnit['kind'], { zh: string; en: string }>> = {
  'sub-direction': { zh: '细分方向', en: 'sub-direction' },
  industry: { zh: '产业', en: 'industry' },
  group: { zh: '板块', en: 'group' },
};

interface Text2 {
  readonly zh: string;
  readonly en: string;
}

/**
 * The reasons of one segment's verdict, in Chinese and English, in words a 局长 reads: local revenue,
 * firm counts and names of the segment and of its local neighbours (the indices stay in the structured
 * measures and in the priority reason). First the rule that decided the kind (one reason per weakness
 * for 强链), then the supply-security finding when it applies, then, for a gap, how its priority was
 * computed.
 *
 * @param r - the verdict, facts and lookups
 * @returns the reasons, most important first
 * @example
 * segmentReasons(input)[0]!.zh; // '上游「电解铝」本地约600亿元（信发集团有限公司）产能充足，其下游「铝板带箔」未见本地企业记录：向下游延链…'
 */
export function segmentReasons(r: ReasonInput): Reason[] {
  const out = ruleReasons(r).map(withAssumedNote);
  if (supplySecurity(r.facts, r.thresholds)) out.push(supplyReason(r));
  if (r.verdict.kind !== 'none') out.push(priorityReason(r));
  return out;
}

/**
 * "本地约30亿元营收、3家企业（甲、乙、丙）", or for no firm what the data shows: "未见本地企业记录", or "已核实本地无企业" when
 * the 链长 office verified the absence (corrections.json); with the equal-split caveat.
 */
function localText(fs: FirmSummary, extra: Text2 = { zh: '', en: '' }, evidence?: Evidence): Text2 {
  if (fs.count === 0 && evidence === 'verified-absent') return { zh: '已核实本地无企业', en: 'no local firm (verified)' };
  if (fs.count === 0 && evidence === 'corrected-present') return { zh: `据更正记录本地已有企业${extra.zh}`, en: `local firms per a correction${extra.en}` };
  if (fs.count === 0) return { zh: '未见本地企业记录', en: 'no local firm on record' };
  const a = estimatedAmount(fs);
  const shown = fs.names.slice(0, 3);
  const more = fs.count > shown.length;
  const split =
    fs.assumedSplit.length > 0
      ? {
          zh: `；其中${fs.assumedSplit.slice(0, 2).map((n) => `「${n}」`).join('、')}的营收按所在环节平均拆分（假设，数据未给出各环节占比）`,
          en: `; the revenue of ${fs.assumedSplit.slice(0, 2).map((n) => `"${n}"`).join(', ')} is split equally over its segments (an assumption: no shares given)`,
        }
      : { zh: '', en: '' };
  if (shown.length === 0) {
    // Only a presence correction without firm names stands for the segment.
    return { zh: `本地约${a.zh}营收（据更正记录，未列企业名）${extra.zh}`, en: `about ${a.en} of local revenue (per a correction that names no firm)${extra.en}` };
  }
  const agg = fs.aggregates ?? 0;
  if (agg > 0) {
    // A cluster or city aggregate stands for many firms whose number is often only a placeholder: say what the
    // records are instead of quoting a firm count.
    const named = fs.names.length - agg;
    const zhWho = named > 0 ? `${named}家具名企业及${agg}条集群或汇总记录` : `${agg}条集群或汇总记录`;
    const enWho = named > 0 ? `${named} named firm${named === 1 ? '' : 's'} and ${agg} cluster or aggregate record${agg === 1 ? '' : 's'}` : `${agg} cluster or aggregate record${agg === 1 ? '' : 's'}`;
    return {
      zh: `本地约${a.zh}营收、${zhWho}（${shown.join('、')}${fs.names.length > shown.length ? '等' : ''}）${extra.zh}${split.zh}`,
      en: `about ${a.en} of local revenue from ${enWho} (${shown.join(', ')}${fs.names.length > shown.length ? ' and others' : ''})${extra.en}${split.en}`,
    };
  }
  return {
    zh: `本地约${a.zh}营收、${fs.count}家企业（${shown.join('、')}${more ? '等' : ''}）${extra.zh}${split.zh}`,
    en: `about ${a.en} of local revenue from ${fs.count} firm${fs.count === 1 ? '' : 's'} (${shown.join(', ')}${more ? ' and others' : ''})${extra.en}${split.en}`,
  };
}

/** An amount in 亿元 with （估计） when it rests only on estimates. */
function estimatedAmount(fs: FirmSummary): Text2 {
  const a = amount(fs.revenue);
  return fs.estimated === true ? { zh: `${a.zh}（估计）`, en: `${a.en} (estimated)` } : a;
}

/**
 * What a present customer buys of a segment's product a year, in 亿元 (issue 14: reasons quote amounts): the link's
 * input–output coefficient a (direct consumption of the supplier's sector per unit of the customer's output) × the
 * customer's local revenue, shared equally among the customer's suppliers that carry a coefficient from the same
 * input–output sector (a sector coefficient covers all of them: 电子元器件, 印制电路板 and 芯片封装 split one
 * "electronic components" coefficient). Undefined for a judgement link (no coefficient) or below 50万元.
 *
 * @param link - the link supplier → customer
 * @param customerRevenue - the customer's local revenue, 亿元
 * @param sameSectorSuppliers - how many of the customer's suppliers share the coefficient's sector (≥ 1)
 * @returns the yearly demand in 亿元, or undefined
 * @example
 * customerDemand({ from: 'a', to: 'b', weight: 1, ioCoefficient: 0.5 }, 30, 3); // 5
 */
export function customerDemand(link: Link | undefined, customerRevenue: number, sameSectorSuppliers = 1): number | undefined {
  const a = link?.ioCoefficient;
  if (a === undefined || a <= 0 || customerRevenue <= 0) return undefined;
  const d = (a * customerRevenue) / Math.max(1, sameSectorSuppliers);
  return d >= 0.005 ? d : undefined;
}

/** Two significant digits: a coefficient × revenue estimate is no more precise than that. */
function rough(x: number): number {
  return Number(x.toPrecision(2));
}

/** Marks a customer's demand computed from an input–output coefficient; explained once per reason. */
const DEMAND_MARK = '†';

/**
 * Up to two present neighbours with their local revenue and largest firm; for customers (`demand`), what each
 * needs of the segment a year where the link has an input–output coefficient.
 */
function neighbourText(refs: readonly NeighbourRef[], r: ReasonInput, demand = false): Text2 & { enVerb: 'is' | 'are' } {
  const shown = refs.slice(0, 2);
  const more = refs.length - shown.length;
  const one = (x: NeighbourRef): Text2 => {
    const s = r.segments[x.index]!;
    const fs = r.firmsOf(x.index);
    const a = estimatedAmount(fs);
    const lead = fs.names[0];
    const assumed = fs.assumedSplit.length > 0;
    const d = demand ? r.demandOf?.(x) : undefined;
    const need = d === undefined ? { zh: '', en: '' } : { zh: `；年需本环节产品约${amount(rough(d)).zh}${DEMAND_MARK}`, en: `; buys about ${amount(rough(d)).en}${DEMAND_MARK} of it a year` };
    return {
      zh: `「${s.name}」（本地约${a.zh}${assumed ? ASSUMED_MARK : ''}${lead !== undefined ? `，${lead}${fs.count > 1 ? '等' : ''}` : ''}${need.zh}）`,
      en: `"${s.nameEn}" (about ${a.en}${assumed ? ASSUMED_MARK : ''} locally${lead !== undefined ? `, ${lead}${fs.count > 1 ? ' and others' : ''}` : ''}${need.en})`,
    };
  };
  const parts = shown.map(one);
  return {
    zh: parts.map((p) => p.zh).join('、') + (more > 0 ? `等 ${refs.length} 个环节` : ''),
    en: parts.map((p) => p.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
    enVerb: refs.length > 1 ? 'are' : 'is',
  };
}

/** The segment's own local base, for an absent segment: nothing, or a small base below the threshold. */
function ownBase(r: ReasonInput): Text2 {
  const fs = r.firmsOf(r.facts.index);
  return localText(fs, { zh: `，规模尚小（存在度 ${f2(r.facts.presence)}，低于"已有"门槛 ${f2(r.thresholds.present)}）`, en: `, still small (presence ${f2(r.facts.presence)}, below the "present" threshold ${f2(r.thresholds.present)})` }, r.evidence);
}

/** Marks a neighbour amount that includes a multi-segment firm's assumed equal split; explained once per reason. */
const ASSUMED_MARK = '*';

function withAssumedNote(r: Reason): Reason {
  let out = r;
  if (out.zh.includes(DEMAND_MARK)) {
    out = {
      code: out.code,
      zh: `${out.zh}（†年需 = 全国投入产出表直接消耗系数 × 下游本地营收，同一部门的几个供应环节平分；部门口径的估算）`,
      en: `${out.en} († yearly need = national input–output direct coefficient × the customer's local revenue, shared among its suppliers from the same sector: a sector-level estimate)`,
    };
  }
  if (!out.zh.includes(`元${ASSUMED_MARK}`) && !out.zh.includes(`（估计）${ASSUMED_MARK}`)) return out;
  return { code: out.code, zh: `${out.zh}（*含多环节企业按环节平均拆分的估算）`, en: `${out.en} (* includes an assumed equal split of multi-segment firms)` };
}

const STRATEGIC_NOTE: Text2 = { zh: '；属战略性环节', en: '; a strategic segment' };

function ruleReasons(r: ReasonInput): Reason[] {
  const { facts: f, segment: s, verdict: v, thresholds: t } = r;
  const strategic = f.strategic ? STRATEGIC_NOTE : { zh: '', en: '' };
  switch (v.kind) {
    case 'fill': {
      const ups = neighbourText(f.presentSuppliers, r);
      const downs = neighbourText(f.presentConsumers, r, true);
      const own = ownBase(r);
      return [{
        code: 'fill',
        zh: `「${s.name}」${own.zh}；上游${ups.zh}可供料，下游${downs.zh}需要它：中间断链，本地企业只能外购外销${strategic.zh}`,
        en: `"${s.nameEn}": ${own.en}; upstream ${ups.en} could supply it and downstream ${downs.en} ${downs.enVerb === 'is' ? 'needs' : 'need'} it: a hole that makes local firms buy and sell afar${strategic.en}`,
      }];
    }
    case 'extend': {
      const own = ownBase(r);
      if (v.direction === 'downstream') {
        const ups = neighbourText(f.presentSuppliers, r);
        const strong = f.presentSuppliers.every((x) => x.presence >= t.strong);
        const fed = v.strategicSupply === true;
        // A strategic segment fed by a strong supplier may also have local customers: name them and their demand.
        const downs = f.presentConsumers.length > 0 ? neighbourText(f.presentConsumers, r, true) : undefined;
        const zhDowns = downs !== undefined ? `；本地下游${downs.zh}也需要它` : '';
        const enDowns = downs !== undefined ? `; local downstream ${downs.en} ${downs.enVerb === 'is' ? 'needs' : 'need'} it too` : '';
        return [{
          code: fed ? 'extend-downstream-strategic' : 'extend-downstream',
          zh: `上游${ups.zh}本地${strong ? '产能充足' : '已有'}，其下游「${s.name}」${own.zh}：向下游延链，就地转化本地产出${zhDowns}${fed ? `；属战略性环节，因本地强势上游直接供料（供给推动 ${f2(f.supplyPush)} ≥ ${f2(t.strategicExtendPush)}），按延链而非建链` : strategic.zh}`,
          en: `Upstream ${ups.en} ${ups.enVerb} ${strong ? 'strong' : 'present'} locally, while its downstream "${s.nameEn}" has ${own.en}: extend downstream to process local output${enDowns}${fed ? `; a strategic segment fed directly by a strong local supplier (supply push ${f2(f.supplyPush)} ≥ ${f2(t.strategicExtendPush)}), so extend rather than build` : strategic.en}`,
        }];
      }
      const downs = neighbourText(f.presentConsumers, r, true);
      return [{
        code: 'extend-upstream',
        zh: `下游${downs.zh}在本地，需要「${s.name}」作投入，而「${s.name}」${own.zh}：向上游延链，保障本地供应${strategic.zh}`,
        en: `Downstream ${downs.en} ${downs.enVerb} local and ${downs.enVerb === 'is' ? 'needs' : 'need'} "${s.nameEn}" as an input, which has ${own.en}: extend upstream to secure local supply${strategic.en}`,
      }];
    }
    case 'build':
      return [buildReason(r, v)];
    case 'strengthen':
      return v.weakness.map((w) => weaknessReason(w, r));
    case 'none': {
      const l = localText(r.firmsOf(f.index));
      if (v.basis === 'size-unverified') return [sizeUnverifiedReason(r, v.unverified ?? [])];
      if (v.basis === 'no-local-need') {
        return [{
          code: 'no-local-need',
          zh: `「${s.name}」${l.zh}；本地上下游环节都未见企业记录，且不是战略性环节：没有本地企业需要它，不列为缺口`,
          en: `"${s.nameEn}": ${l.en}; none of its suppliers or customers is local and it is not strategic: no local firm needs it, so it is not a gap`,
        }];
      }
      return [{
        code: 'healthy',
        zh: `${l.zh}，无明显短板（存在度 ${f2(f.presence)}${f.hhi !== null ? `，HHI ${f2(f.hhi)}` : ''}）`,
        en: `${capital(l.en)}: no clear weakness (presence ${f2(f.presence)}${f.hhi !== null ? `, HHI ${f2(f.hhi)}` : ''})`,
      }];
    }
  }
}

function buildReason(r: ReasonInput, v: Extract<Verdict, { kind: 'build' }>): Reason {
  const { facts: f, segment: s, thresholds: t } = r;
  const own = ownBase(r);
  if (v.basis === 'strategic-unit' && v.unit !== undefined) {
    const u = r.units[v.unit]!;
    const viaGroup = f.groupUnit !== null && v.unit === f.groupUnit.index;
    const m = f2(viaGroup ? (f.groupUnit?.presence ?? 0) : f.chainUnit.presence);
    const ur = amount(r.unitRevenue(v.unit));
    const ind = r.units[f.industryUnit.index]!;
    const alsoIndustry = !viaGroup && f.industryUnit.index !== f.chainUnit.index;
    const ir = amount(r.unitRevenue(f.industryUnit.index));
    const zhInd = alsoIndustry ? `；所属产业「${ind.name}」${ind.members.length}个环节合计约${ir.zh}（平均存在度 ${f2(f.industryUnit.presence)}）` : '';
    const enInd = alsoIndustry ? `; its industry "${ind.nameEn}" (${ind.members.length} segments) about ${ir.en} (mean presence ${f2(f.industryUnit.presence)})` : '';
    return {
      code: 'build-strategic-unit',
      zh: `战略性环节「${s.name}」${own.zh}；所在${UNIT_TEXT[u.kind].zh}「${u.name}」${u.members.length}个环节本地合计仅约${ur.zh}（平均存在度 ${m}）${zhInd}，均低于 ${f2(t.buildUnit)}：整条链本地基础薄弱，需建链`,
      en: `Strategic segment "${s.nameEn}": ${own.en}; its ${UNIT_TEXT[u.kind].en} "${u.nameEn}" (${u.members.length} segments) has only about ${ur.en} locally (mean presence ${m})${enInd}, all below ${f2(t.buildUnit)}: the chain has little local base, so build it`,
    };
  }
  return {
    code: 'build-no-local-base',
    zh: `战略性环节「${s.name}」${own.zh}，上下游环节也都未见本地企业记录：无基础可延，需从零建链`,
    en: `Strategic segment "${s.nameEn}": ${own.en}, and none of its suppliers or customers is local: nothing to extend from; building it starts from scratch`,
  };
}

function weaknessReason(w: Weakness, r: ReasonInput): Reason {
  const { facts: f, thresholds: t, segment: s } = r;
  const fs = r.firmsOf(f.index);
  const l = localText(fs);
  const p = f2(f.presence);
  if (w === 'small-base') {
    return {
      code: 'strengthen-small-base',
      zh: `「${s.name}」${ownBase(r).zh}；上下游未见本地企业，但已有企业是可以做大的基础：强链（培育壮大），不是从零建链`,
      en: `"${s.nameEn}": ${ownBase(r).en}; no local supplier or customer, but the local firm is a base to grow: strengthen it rather than build from scratch`,
    };
  }
  if (w === 'low-presence') {
    const b = f.benchmark;
    if (b?.kind === 'relative' && b.relative !== undefined) {
      const ref = r.segments.find((x) => x.id === b.relative!.segment);
      const refName = ref?.name ?? b.relative.segment;
      const ra = amount(b.relative.referenceRevenue);
      const rate = b.relative.referenceRevenue > 0 ? (f.localRevenue ?? fs.revenue) / b.relative.referenceRevenue : 0;
      return {
        code: 'strengthen-low-conversion',
        zh: `${l.zh}，相当于本地「${refName}」（约${ra.zh}）的 ${pct(rate)}，低于就地转化目标 ${pct(b.relative.share)}${s.benchmarkRelative?.note !== undefined ? `（${s.benchmarkRelative.note}）` : ''}：就地转化不足（存在度 ${p} < ${f2(t.strong)}）`,
        en: `${capital(l.en)}, ${pct(rate)} of local "${ref?.nameEn ?? b.relative.segment}" (about ${ra.en}), below the local-conversion target of ${pct(b.relative.share)}: too little is processed locally (presence ${p} < ${f2(t.strong)})`,
      };
    }
    const downs = neighbourText(f.presentConsumers, r, true);
    const hasDowns = f.presentConsumers.length > 0;
    const total = totalDemand(f.presentConsumers, r);
    const zhTotal = total !== undefined ? `，合计年需约${amount(rough(total.value)).zh}${DEMAND_MARK}${total.partial ? '（仅计有投入产出系数的下游）' : ''}` : '';
    const enTotal = total !== undefined ? `, together about ${amount(rough(total.value)).en}${DEMAND_MARK} a year${total.partial ? ' (customers with an input–output coefficient only)' : ''}` : '';
    return {
      code: 'strengthen-low-presence',
      zh: `${l.zh}，${hasDowns ? `而本地下游${downs.zh}需要它${zhTotal}` : '而本地下游需求较大'}：本地产能跟不上本地需求（存在度 ${p} < ${f2(t.strong)}，需求拉动 ${f2(f.demandPull)} ≥ ${f2(t.demandHigh)}）`,
      en: `${capital(l.en)}, ${hasDowns ? `while local downstream ${downs.en} ${downs.enVerb === 'is' ? 'needs' : 'need'} it${enTotal}` : 'while local downstream demand is large'}: local capacity lags local demand (presence ${p} < ${f2(t.strong)}, demand pull ${f2(f.demandPull)} ≥ ${f2(t.demandHigh)})`,
    };
  }
  if (w === 'single-firm') {
    const firm = fs.names[0] ?? '';
    const only = f.firmCount === 1;
    const a = amount(fs.revenue);
    return {
      code: 'strengthen-single-firm',
      zh: `${only ? `仅「${firm}」一家企业支撑（本地约${a.zh}）` : `主要靠「${firm}」支撑（共 ${f.firmCount} 家，本地约${a.zh}）`}：单点脆弱，宜引进第二家（HHI ${f2(f.hhi ?? 1)}，存在度 ${p}）`,
      en: `${only ? `Only "${firm}" carries it (about ${a.en} locally)` : `Mostly "${firm}" carries it (${f.firmCount} firms, about ${a.en} locally)`}: fragile; bring in a second firm (HHI ${f2(f.hhi ?? 1)}, presence ${p})`,
    };
  }
  // 'low-local-supply' is no longer emitted by the rules (see supplyReason); kept for old verdicts.
  return supplyReason(r);
}

/** Σ customer demand (亿元) over the customers whose link has a coefficient; undefined when none has. */
function totalDemand(refs: readonly NeighbourRef[], r: ReasonInput): { value: number; partial: boolean } | undefined {
  let value = 0;
  let known = 0;
  for (const x of refs) {
    const d = r.demandOf?.(x);
    if (d !== undefined) {
      value += d;
      known++;
    }
  }
  return known === 0 || refs.length < 2 ? undefined : { value, partial: known < refs.length };
}

/** A present segment that would be 强链 on its estimated size: what the estimate suggests, and that it is not asserted. */
function sizeUnverifiedReason(r: ReasonInput, weakness: readonly Weakness[]): Reason {
  const { facts: f, thresholds: t, segment: s } = r;
  const l = localText(r.firmsOf(f.index));
  const zh: string[] = [];
  const en: string[] = [];
  if (weakness.includes('low-presence')) {
    const downs = neighbourText(f.presentConsumers, r, true);
    zh.push(f.presentConsumers.length > 0 ? `存在度 ${f2(f.presence)} < ${f2(t.strong)}，而本地下游${downs.zh}需要它` : `存在度 ${f2(f.presence)} < ${f2(t.strong)}`);
    en.push(f.presentConsumers.length > 0 ? `presence ${f2(f.presence)} < ${f2(t.strong)} while local downstream ${downs.en} ${downs.enVerb === 'is' ? 'needs' : 'need'} it` : `presence ${f2(f.presence)} < ${f2(t.strong)}`);
  }
  if (weakness.includes('single-firm')) {
    zh.push(`集中度 HHI ${f2(f.hhi ?? 1)}`);
    en.push(`HHI ${f2(f.hhi ?? 1)}`);
  }
  return {
    code: 'size-unverified',
    zh: `「${s.name}」${l.zh}；营收均为估计值（数据未给出公开营收或产能）。按估计值看似偏弱（${zh.join('；')}），但这只建立在估计数上：暂不列为强链，规模待核实（链长办核实营收或产能后，用更正记录 present 写入）`,
    en: `"${s.nameEn}": ${l.en}; every revenue figure is an estimate (no public revenue or capacity in the data). On the estimate it looks weak (${en.join('; ')}), but that rests on invented numbers only: not labelled strengthen; its size is to be verified (the 链长 office can record revenue or capacity as a present correction)`,
  };
}

/** The supply-security finding: inputs come mostly from elsewhere; names the absent suppliers and their own gap labels. */
function supplyReason(r: ReasonInput): Reason {
  const { facts: f, thresholds: t, segment: s } = r;
  const inputs = r.supplyInputs.slice(0, 3);
  const zhInputs = inputs.map((x) => `「${r.segments[x.index]!.name}」（${kindZh(x.kind)}）`).join('、');
  const enInputs = inputs.map((x) => `"${r.segments[x.index]!.nameEn}" (${GAP_KIND_LABELS[x.kind].en})`).join(', ');
  const rate = pct(f.localSupplyRate ?? 0);
  return {
    code: 'supply-security',
    zh: `供应安全：「${s.name}」的本地配套率约 ${rate}（< ${pct(t.lowLocalSupply)}），投入主要靠外地${inputs.length > 0 ? `，如${zhInputs}` : ''}${inputs.length > 0 ? '：缺口在供应环节，见各环节自身的结论' : ''}；这不是本环节自身的短板`,
    en: `Supply security: the local supply rate of "${s.nameEn}" is about ${rate} (< ${pct(t.lowLocalSupply)}); its inputs come mostly from elsewhere${inputs.length > 0 ? `, e.g. ${enInputs}: the gap lies with those suppliers, see their own verdicts` : ''}; not a weakness of this segment itself`,
  };
}

function kindZh(k: GapKind): string {
  return GAP_KIND_LABELS[k].zh;
}

function capital(x: string): string {
  return x.length > 0 ? x[0]!.toUpperCase() + x.slice(1) : x;
}

function priorityReason(r: ReasonInput): Reason {
  const b = r.breakdown;
  const top = [...PRIORITY_FACTORS]
    .map((f) => ({ f, c: b.weights[f] * b.factors[f] }))
    .filter((x) => x.c > 0)
    .sort((a, c) => c.c - a.c || PRIORITY_FACTORS.indexOf(a.f) - PRIORITY_FACTORS.indexOf(c.f))
    .slice(0, 2);
  const resource = b.sectorFactor < 1;
  const zhTop = top.map((x) => `${FACTOR_TEXT[x.f].zh} ${f2(b.factors[x.f])}`).join('、');
  const enTop = top.map((x) => `${FACTOR_TEXT[x.f].en} ${f2(b.factors[x.f])}`).join(', ');
  return {
    code: 'priority',
    zh: `优先级 ${f2(r.priority)} = 缺口度 ${f2(b.need)} × 重要度 ${f2(b.importance)}${resource ? ` × 资源类系数 ${f2(b.sectorFactor)}` : ''}${top.length > 0 ? `；重要度主要来自${zhTop}` : ''}${resource ? `；属初级产品（投入产出部门 ${r.segment.ioSector ?? ''}），以保障供应为主、难以招引` : ''}`,
    en: `Priority ${f2(r.priority)} = need ${f2(b.need)} × importance ${f2(b.importance)}${resource ? ` × resource factor ${f2(b.sectorFactor)}` : ''}${top.length > 0 ? `; importance mainly from ${enTop}` : ''}${resource ? `; a primary product (IO sector ${r.segment.ioSector ?? ''}): secure its supply rather than attract a firm` : ''}`,
  };
}
