import { deepFreeze } from '../internal/deepFreeze.js';
import type { WeightPreset } from './types.js';

/**
 * The named weight presets, as data. Positive feature weights sum to 1; `risk` is the share of the score a
 * fully risky company loses (see `combineFeatures`). `gapKinds` multiplies a gap's priority by its kind
 * inside the gap-fit feature, so a preset can favour 补链 over 建链 and so on.
 *
 * - `balanced` 均衡 (default): every consideration counts; gaps first, no gap kind favoured.
 * - `fill-first` 补短板: close missing links between local segments (补链, then 延链).
 * - `strengthen-first` 强链: reinforce present chains through firms that trade with local ones (强链, 以商招商).
 * - `build-first` 前瞻布局: position early in strategic emerging and future industries (建链): policy and momentum.
 *
 * @example
 * WEIGHT_PRESETS['fill-first'].weights.gapFit; // 0.4
 */
export const WEIGHT_PRESETS: Readonly<Record<string, WeightPreset>> = deepFreeze({
  balanced: {
    id: 'balanced',
    zh: '均衡',
    en: 'Balanced',
    explanationZh: '默认方案：缺口匹配权重最高，链上协同、规模与关联关系次之，动能、区位和政策契合兼顾；不偏向任何缺口类型。',
    explanationEn: 'Default: gap fit weighs most, then chain synergy, scale and ties, with momentum, proximity and policy fit alongside; no gap kind is favoured.',
    weights: { gapFit: 0.25, synergy: 0.15, scale: 0.15, momentum: 0.1, proximity: 0.1, policy: 0.1, ties: 0.15, risk: 0.5 },
    gapKinds: { fill: 1, extend: 1, strengthen: 1, build: 1 },
  },
  'fill-first': {
    id: 'fill-first',
    zh: '补短板',
    en: 'Fill first',
    explanationZh: '优先补齐上下游都在本地、唯独中间缺失的环节（补链），其次延链；缺口匹配占 40%。适合“链长制”年度补链清单。',
    explanationEn: 'Close missing segments whose neighbours are local (补链) first, then extensions (延链); gap fit carries 40%. Suits the annual fill list of the chain chiefs.',
    weights: { gapFit: 0.4, synergy: 0.15, scale: 0.1, momentum: 0.05, proximity: 0.1, policy: 0.05, ties: 0.15, risk: 0.5 },
    gapKinds: { fill: 1, extend: 0.8, strengthen: 0.5, build: 0.4 },
  },
  'strengthen-first': {
    id: 'strengthen-first',
    zh: '强链',
    en: 'Strengthen first',
    explanationZh: '做强已有链条：优先与本地企业有供需关系的企业（以商招商），强链缺口优先；链上协同占 30%。',
    explanationEn: 'Reinforce present chains: firms that buy from or sell to local firms (以商招商) come first and 强链 gaps lead; chain synergy carries 30%.',
    weights: { gapFit: 0.2, synergy: 0.3, scale: 0.15, momentum: 0.05, proximity: 0.1, policy: 0.05, ties: 0.15, risk: 0.5 },
    gapKinds: { strengthen: 1, fill: 0.8, extend: 0.6, build: 0.3 },
  },
  'build-first': {
    id: 'build-first',
    zh: '前瞻布局',
    en: 'Build first',
    explanationZh: '面向战略性新兴产业和未来产业提前布局（建链）：政策契合与发展动能权重提高，建链缺口优先。',
    explanationEn: 'Position early in strategic emerging and future industries (建链): policy fit and momentum weigh more and 建链 gaps lead.',
    weights: { gapFit: 0.25, synergy: 0.05, scale: 0.15, momentum: 0.2, proximity: 0.05, policy: 0.25, ties: 0.05, risk: 0.5 },
    gapKinds: { build: 1, extend: 0.7, fill: 0.6, strengthen: 0.4 },
  },
});
