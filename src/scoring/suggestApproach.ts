import type { Reason } from '../gaps/types.js';
import type { ApproachFacts } from './approachFacts.js';
import { APPROACH_LABELS, COMPANY_LIST_LABELS, REGION_EN, TIE_LABELS } from './labels.js';
import type { Approach, ApproachMethod } from './types.js';
import { own } from '../internal/own.js';
import { placeNameEn } from '../messages/placeNameEn.js';

/** A 招商方式 rule: the method, and a test on the facts that returns the quoted reason when it applies. */
export interface ApproachRule {
  readonly id: string;
  readonly method: ApproachMethod;
  readonly applies: (facts: ApproachFacts) => Omit<Reason, 'code'> | undefined;
}

/** Minimum number of leading targets sharing an HQ city for a 小团组招商 trip. */
export const CLUSTER_MIN = 3;

/**
 * The 招商方式 rules, in order; the first that applies wins. Data-driven: the rules read ties, lists,
 * links, signals and places, never a company id.
 * 1. a company-level relation (declared or derived) to a named, real local firm — parent, subsidiary, supplier,
 *    customer, partner, existing investment, or a sister company in a related business — → 以商招商 through that firm
 * 2. a native-entrepreneur tie (乡贤, with the person or chamber) → 乡贤招商
 * 3. on a 三类500强 list → 登门招商 (city leaders visit the group's HQ)
 * 4. a specific potential link of its main segment (expert-judged, or an IO core input inside one industry — not a
 *    sector-level proxy; weight × presence ≥ 0.6) to a local segment with an anchor firm (链主 or ≥ 100亿元, a single operating firm) → 以商招商 through that named firm, said to be a
 *    potential customer or supplier
 * 5. a financing or IPO signal → 资本招商 (being listed alone is not a reason: every listed firm can raise capital)
 * 6. ≥ 3 of the leading targets share its HQ city → 小团组招商
 * 7. HQ in a priority region → 驻点招商
 * 8. HQ abroad or not in the places table → 委托招商
 * 9. otherwise → 数字招商
 */
export const APPROACH_RULES: readonly ApproachRule[] = Object.freeze([
  {
    id: 'local-tie',
    method: 'via-local-firm',
    applies: (f) => {
      const t = f.localTies[0];
      return t && { zh: `与本地企业“${t.firm}”有直接关系（${TIE_LABELS[t.type].zh}：${t.text}）`, en: `direct relation to local firm "${t.firm}" (${TIE_LABELS[t.type].en}: ${t.text})` };
    },
  },
  {
    id: 'native-tie',
    method: 'native-ties',
    applies: (f) => {
      const t = f.nativeTies[0];
      if (t === undefined) return undefined;
      const who = [t.person, t.chamber].filter((x) => x !== undefined).join('、');
      return { zh: `有乡贤关系${who ? `（${who}）` : ''}：${t.text}`, en: `native tie${who ? ` (${who})` : ''}: ${t.text}` };
    },
  },
  {
    id: 'top-500',
    method: 'visit',
    applies: (f) =>
      f.top500.length > 0 ? { zh: `属三类500强（${f.top500.map((l) => COMPANY_LIST_LABELS[l].zh).join('、')}）`, en: `on a top-500 list (${f.top500.map((l) => COMPANY_LIST_LABELS[l].en).join(', ')})` } : undefined,
  },
  {
    id: 'strong-link',
    method: 'via-local-firm',
    applies: (f) => {
      const l = f.strongLink;
      if (!l) return undefined;
      const strength = (l.weight * l.presence).toFixed(2);
      return l.direction === 'supplies'
        ? { zh: `潜在关联：本地龙头 ${l.anchors.join('、')} 可能是其客户（环节链接强度 ${strength}，尚无实际往来记录）`, en: `potential link: local anchor firms ${l.anchors.join(', ')} may be customers (segment link strength ${strength}; no recorded trade)` }
        : { zh: `潜在关联：本地龙头 ${l.anchors.join('、')} 可能是其供应商（环节链接强度 ${strength}，尚无实际往来记录）`, en: `potential link: local anchor firms ${l.anchors.join(', ')} may be suppliers (segment link strength ${strength}; no recorded trade)` };
    },
  },
  {
    id: 'funding',
    method: 'capital',
    applies: (f) => (f.funding ? { zh: `有融资信号（${f.funding.date} ${f.funding.text}）`, en: `funding signal (${f.funding.date} ${f.funding.text})` } : undefined),
  },
  {
    id: 'cluster',
    method: 'small-delegation',
    applies: (f) =>
      f.sameCityTargets >= CLUSTER_MIN ? { zh: `${f.sameCityTargets} 家重点目标总部同在${f.hqCity}`, en: `${f.sameCityTargets} leading targets are headquartered in ${placeNameEn(f.hqCity)}` } : undefined,
  },
  {
    id: 'priority-region',
    method: 'resident-office',
    applies: (f) => (f.regions.length > 0 ? { zh: `总部位于重点区域${f.regions.join('、')}`, en: `HQ in priority region ${f.regions.map((r) => own(REGION_EN, r) ?? r).join(', ')}` } : undefined),
  },
  {
    id: 'far-or-unknown',
    method: 'agent',
    applies: (f) =>
      f.foreign || !f.placeKnown ? { zh: f.foreign ? '总部在境外' : '总部地点不明', en: f.foreign ? 'HQ abroad' : 'HQ place unknown' } : undefined,
  },
  {
    id: 'default',
    method: 'digital',
    applies: () => ({ zh: '无实际关系、非500强、不在重点区域', en: 'no relation, not top-500, outside the priority regions' }),
  },]);

/**
 * Suggest a 招商方式 from the data: the first rule of `APPROACH_RULES` that applies, with the rule quoted.
 *
 * @param facts - the company's facts (see `approachFacts`)
 * @returns the method, its names, and the rule that chose it
 * @example
 * suggestApproach(approachFacts(sinochem, ctx, 1)); // { method: 'via-local-firm', zh: '以商招商', rule: { code: 'approach.local-tie', zh: '与本地企业有直接关联（…）→ 以商招商', … } }
 */
export function suggestApproach(facts: ApproachFacts): Approach {
  for (const rule of APPROACH_RULES) {
    const why = rule.applies(facts);
    if (why === undefined) continue;
    const label = APPROACH_LABELS[rule.method];
    return { method: rule.method, zh: label.zh, en: label.en, rule: { code: `approach.${rule.id}`, zh: `${why.zh} → ${label.zh}`, en: `${why.en} → ${label.en}` } };
  }
  // Unreachable: the last rule always applies.
  const label = APPROACH_LABELS.digital;
  return { method: 'digital', zh: label.zh, en: label.en, rule: { code: 'approach.default', zh: label.zh, en: label.en } };
}
