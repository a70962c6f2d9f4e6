import type { Segment } from '../../schema/segment.js';
import type { GapUnit } from '../context.js';
import type { ResolvedGapOptions } from '../options.js';
import type { SegmentFacts, Verdict } from '../rules/facts.js';
import { absenceText } from '../absenceText.js';
import { PRIORITY_FACTORS, type Evidence, type PriorityBreakdown, type PriorityFactor, type Reason } from '../types.js';
import { f2, neighbourList } from './format.js';

/** What the reason builder needs about one classified segment. */
export interface ReasonInput {
  readonly verdict: Verdict;
  readonly facts: SegmentFacts;
  readonly segment: Segment;
  /** Segments by index (of the gap context). */
  readonly segments: readonly Segment[];
  /** Units by index (of the gap context). */
  readonly units: readonly GapUnit[];
  /** Display names of the local firms, largest first. */
  readonly firmNames: readonly string[];
  /** Absent inputs of the segment, heaviest first (needed only for low local supply). */
  readonly missingInputs: readonly number[];
  readonly priority: number;
  readonly breakdown: PriorityBreakdown;
  readonly thresholds: ResolvedGapOptions['thresholds'];
  /** What the data says about the segment's firms (issue 14): absence is worded as what the data shows. */
  readonly evidence?: Evidence;
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

/**
 * The reasons of one segment's verdict, in Chinese and English, quoting the numbers: first the rule
 * that decided the kind (one reason per weakness for 强链), then, for a gap, how its priority was
 * computed.
 *
 * @param r - the verdict, facts and lookups
 * @returns the reasons, most important first
 * @example
 * segmentReasons(input)[0]!.zh; // '上游「铝型材」（存在度 0.87）本地已有，下游「电池托盘」未见本地企业记录…'
 */
export function segmentReasons(r: ReasonInput): Reason[] {
  const out = ruleReasons(r);
  if (r.verdict.kind !== 'none') out.push(priorityReason(r));
  return out;
}

function ruleReasons(r: ReasonInput): Reason[] {
  const { facts: f, segment: s, verdict: v, thresholds: t } = r;
  const p = f2(f.presence);
  const ups = neighbourList(f.presentSuppliers, r.segments);
  const downs = neighbourList(f.presentConsumers, r.segments);
  const abs = absenceText(r.evidence, p, f.firmCount);
  switch (v.kind) {
    case 'fill':
      return [{
        code: 'fill',
        zh: `「${s.name}」${abs.zh}，上游${ups.zh}与下游${downs.zh}都在本地：中间断链，本地企业只能外购外销；需求拉动 ${f2(f.demandPull)}，供给推动 ${f2(f.supplyPush)}`,
        en: `"${s.nameEn}" shows ${abs.en} while upstream ${ups.en} and downstream ${downs.en} are present: a hole that makes local firms buy and sell afar; demand pull ${f2(f.demandPull)}, supply push ${f2(f.supplyPush)}`,
      }];
    case 'extend': {
      if (v.direction === 'downstream') {
        const strong = f.presentSuppliers.every((x) => x.presence >= t.strong);
        return [{
          code: 'extend-downstream',
          zh: `上游${ups.zh}本地${strong ? '产能充足' : '已有'}，下游「${s.name}」${abs.zh}：向下游精深加工延链，就地转化本地产出；供给推动 ${f2(f.supplyPush)}，需求拉动 ${f2(f.demandPull)}`,
          en: `Upstream ${ups.en} ${ups.enVerb} ${strong ? 'strong' : 'present'} locally while downstream "${s.nameEn}" shows ${abs.en}: extend downstream into deep processing of local output; supply push ${f2(f.supplyPush)}, demand pull ${f2(f.demandPull)}`,
        }];
      }
      return [{
        code: 'extend-upstream',
        zh: `下游${downs.zh}在本地，其投入「${s.name}」${abs.zh}：向上游延链，保障本地供应；需求拉动 ${f2(f.demandPull)}`,
        en: `Downstream ${downs.en} ${downs.enVerb} present locally but its input "${s.nameEn}" shows ${abs.en}: extend upstream to secure local supply; demand pull ${f2(f.demandPull)}`,
      }];
    }
    case 'build': {
      if (v.basis === 'strategic-unit' && v.unit !== undefined) {
        const u = r.units[v.unit]!;
        const viaGroup = f.groupUnit !== null && v.unit === f.groupUnit.index;
        const m = f2(viaGroup ? (f.groupUnit?.presence ?? 0) : f.chainUnit.presence);
        const ind = r.units[f.industryUnit.index]!;
        const alsoIndustry = !viaGroup && f.industryUnit.index !== f.chainUnit.index;
        const zhInd = alsoIndustry ? `，所属产业「${ind.name}」平均存在度 ${f2(f.industryUnit.presence)}` : '';
        const enInd = alsoIndustry ? `; its industry "${ind.nameEn}" ${f2(f.industryUnit.presence)}` : '';
        return [{
          code: 'build-strategic-unit',
          zh: `战略性环节「${s.name}」所在${UNIT_TEXT[u.kind].zh}「${u.name}」本地企业记录很少（平均存在度 ${m}${zhInd}，均 < ${f2(t.buildUnit)}）：需建链；关联密度 ${f2(f.relatedness)}`,
          en: `Strategic segment "${s.nameEn}": its ${UNIT_TEXT[u.kind].en} "${u.nameEn}" has few local firms on record (mean presence ${m}${enInd}; < ${f2(t.buildUnit)}): build the chain; relatedness ${f2(f.relatedness)}`,
        }];
      }
      return [{
        code: 'build-no-local-base',
        zh: `「${s.name}」${abs.zh}，上下游也未见本地企业记录（关联密度 ${f2(f.relatedness)}）：无基础可延，需从零建链`,
        en: `"${s.nameEn}" shows ${abs.en} and no supplier or customer of it is on record locally (relatedness ${f2(f.relatedness)}): nothing to extend from; building it starts from scratch`,
      }];
    }
    case 'strengthen':
      return v.weakness.map((w) => weaknessReason(w, r));
    case 'none':
      return [{
        code: 'healthy',
        zh: `本地存在度 ${p}（${f.firmCount} 家企业${f.hhi !== null ? `，HHI ${f2(f.hhi)}` : ''}），本地配套率 ${f.localSupplyRate !== null ? f2(f.localSupplyRate) : '—'}，无明显短板`,
        en: `Local presence ${p} (${f.firmCount} firm${f.firmCount === 1 ? '' : 's'}${f.hhi !== null ? `, HHI ${f2(f.hhi)}` : ''}), local supply rate ${f.localSupplyRate !== null ? f2(f.localSupplyRate) : '—'}: no clear weakness`,
      }];
  }
}

function weaknessReason(w: 'low-presence' | 'single-firm' | 'low-local-supply', r: ReasonInput): Reason {
  const { facts: f, thresholds: t } = r;
  const p = f2(f.presence);
  if (w === 'low-presence') {
    return {
      code: 'strengthen-low-presence',
      zh: `本地存在度 ${p} 偏弱（< ${f2(t.strong)}），而下游需求拉动 ${f2(f.demandPull)}（≥ ${f2(t.demandHigh)}）：本地产能跟不上本地需求`,
      en: `Local presence ${p} is weak (< ${f2(t.strong)}) against demand pull ${f2(f.demandPull)} (≥ ${f2(t.demandHigh)}): local capacity lags local demand`,
    };
  }
  if (w === 'single-firm') {
    const firm = r.firmNames[0] ?? '';
    const only = f.firmCount === 1;
    return {
      code: 'strengthen-single-firm',
      zh: `${only ? `仅「${firm}」一家企业支撑` : `主要靠「${firm}」支撑（共 ${f.firmCount} 家）`}（HHI ${f2(f.hhi ?? 1)}，存在度 ${p}）：单点脆弱，宜引进第二家`,
      en: `${only ? `Only "${firm}" carries it` : `Mostly "${firm}" carries it (${f.firmCount} firms)`} (HHI ${f2(f.hhi ?? 1)}, presence ${p}): fragile; bring in a second firm`,
    };
  }
  const inputs = r.missingInputs.slice(0, 2).map((i) => r.segments[i]!);
  return {
    code: 'strengthen-low-local-supply',
    zh: `本地配套率仅 ${f2(f.localSupplyRate ?? 0)}（< ${f2(t.lowLocalSupply)}）：投入多来自外地${inputs.length > 0 ? `，如${inputs.map((s) => `「${s.name}」`).join('、')}` : ''}`,
    en: `Local supply rate only ${f2(f.localSupplyRate ?? 0)} (< ${f2(t.lowLocalSupply)}): inputs come mostly from elsewhere${inputs.length > 0 ? `, e.g. ${inputs.map((s) => `"${s.nameEn}"`).join(', ')}` : ''}`,
  };
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
