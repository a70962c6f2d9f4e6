import * as z from 'zod';
import { UsageError } from '../errors.js';
import { ahpWeights } from './ahpWeights.js';
import type { FeatureMatrix } from './computeFeatureMatrix.js';
import { entropyWeights } from './entropyWeights.js';
import type { LearnedWeightsFile } from '../schema/learnedWeights.js';
import { normalizeWeights } from './normalizeWeights.js';
import { WEIGHT_PRESETS } from './presets.js';
import { POSITIVE_FEATURES, type AhpConsistency, type FeatureName, type WeightSource, type Weights } from './types.js';
import { WeightsSpec } from './weightsSpec.js';

/** Risk weight used when custom, entropy or AHP weights do not give one. */
export const DEFAULT_RISK_WEIGHT = 0.5;

/** Resolved weights with where they came from. */
export interface ResolvedWeights {
  readonly weights: Weights;
  readonly source: WeightSource;
  readonly preset?: string;
  readonly ahp?: AhpConsistency;
}

/** The `learned` weights of a dataset as they are (normalised like custom weights), or a usage error saying how to make them. */
function learnedWeights(learned: LearnedWeightsFile | undefined): ResolvedWeights {
  if (learned === undefined) {
    throw new UsageError(
      'weights "learned": this dataset has no learned-weights.json. Put one in the dataset directory (format: schema/learned-weights.schema.json in the package); in the project repository `npm run backtest -- --dev-only --write-learned DIR/learned-weights.json` fits it on the dataset\'s outcomes.json (eval/backtest/README.md). Or use an expert preset (balanced, fill-first …)',
      '权重方案“learned”（学习权重）：该数据集没有 learned-weights.json。请在数据目录放入该文件（格式见安装包中的 schema/learned-weights.schema.json）；在项目源码仓库中可用 `npm run backtest -- --dev-only --write-learned 数据目录/learned-weights.json` 按数据集的 outcomes.json 拟合（见 eval/backtest/README.md）。或改用专家预设方案（均衡、补短板……）',
      [],
      'OPTIONS_INVALID',
    );
  }
  return { weights: normalizeWeights({ ...learned.weights, risk: learned.weights.risk ?? 0 }), source: 'learned' };
}

/**
 * Turn a weights spec into normalised weights. Entropy weights need the candidates' feature matrix.
 *
 * @param spec - a preset name, `entropy`, custom numbers, `{ method: 'entropy' }` or `{ method: 'ahp', … }`
 * @param matrix - the candidates' features (used by 熵权法 only)
 * @param learned - the dataset's `learned-weights.json` (used by `learned` only)
 * @returns normalised weights, their source, the preset name, and AHP figures when relevant
 * @throws {UsageError} code `OPTIONS_INVALID` for an invalid spec (unknown preset, negative weight, bad matrix), or
 *   `learned` when the dataset has no `learned-weights.json`
 * @throws {AhpInconsistentError} code `AHP_INCONSISTENT` when the AHP matrix has CR ≥ 0.1
 * @example
 * resolveWeights('fill-first', matrix).weights.gapFit; // 0.4
 */
export function resolveWeights(spec: WeightsSpec, matrix: FeatureMatrix, learned?: LearnedWeightsFile): ResolvedWeights {
  const parsed = WeightsSpec.safeParse(spec);
  if (!parsed.success) {
    const detail = z.prettifyError(parsed.error);
    throw new UsageError(`weights: ${detail}`, `权重设置无效：${detail}`, parsed.error.issues.map((i) => i.message), 'OPTIONS_INVALID');
  }
  const s = parsed.data;
  if (typeof s === 'string') {
    if (s === 'entropy') return resolveWeights({ method: 'entropy' }, matrix);
    if (s === 'learned') return learnedWeights(learned);
    const preset = WEIGHT_PRESETS[s]!;
    return { weights: normalizeWeights(preset.weights), source: 'preset', preset: preset.id };
  }
  if ('method' in s && s.method === 'entropy') {
    const w = entropyWeights(POSITIVE_FEATURES.map((f) => matrix.columns[f]));
    const raw: Partial<Record<FeatureName, number>> = { risk: s.risk ?? DEFAULT_RISK_WEIGHT };
    POSITIVE_FEATURES.forEach((f, i) => {
      raw[f] = w[i]!;
    });
    return { weights: normalizeWeights(raw), source: 'entropy' };
  }
  if ('method' in s && s.method === 'ahp') {
    const criteria = (s.criteria ?? POSITIVE_FEATURES) as readonly FeatureName[];
    if (new Set(criteria).size !== criteria.length || s.matrix.length !== criteria.length) {
      throw new UsageError(
        `weights: the AHP matrix has ${s.matrix.length} rows but there are ${criteria.length} distinct criteria (${criteria.join(', ')})`,
        `权重：AHP 判断矩阵有 ${s.matrix.length} 行，而准则有 ${criteria.length} 个（${criteria.join('、')}），须一一对应且不重复`,
        [],
        'OPTIONS_INVALID',
      );
    }
    const result = ahpWeights(s.matrix, s.maxCr ?? 0.1);
    const raw: Partial<Record<FeatureName, number>> = { risk: s.risk ?? DEFAULT_RISK_WEIGHT };
    criteria.forEach((f, i) => {
      raw[f] = result.weights[i]!;
    });
    const { lambdaMax, ci, cr, ri } = result;
    return { weights: normalizeWeights(raw), source: 'ahp', ahp: { lambdaMax, ci, cr, ri } };
  }
  return { weights: normalizeWeights({ ...s, risk: s.risk ?? DEFAULT_RISK_WEIGHT }), source: 'custom' };
}
