import * as z from 'zod';
import { FeatureWeights } from '../schema/featureWeights.js';
import { WEIGHT_PRESETS } from './presets.js';
import { POSITIVE_FEATURES } from './types.js';

const riskWeight = z.number().min(0).max(1);

/** Custom weights: any subset of features (missing = 0), non-negative; `risk` in [0, 1]. Normalised when used. */
export const CustomWeights = FeatureWeights;

/** 熵权法: weights computed from the candidates' feature matrix; `risk` stays as given (default 0.5). */
export const EntropyWeightsSpec = z.strictObject({ method: z.literal('entropy'), risk: riskWeight.optional() });

/**
 * AHP: a pairwise comparison matrix over `criteria` (default: the seven positive features in output
 * order); features not among the criteria get weight 0. `maxCr` defaults to Saaty's 0.1.
 */
export const AhpWeightsSpec = z.strictObject({
  method: z.literal('ahp'),
  criteria: z.array(z.enum(POSITIVE_FEATURES as [string, ...string[]])).min(1).optional(),
  matrix: z.array(z.array(z.number())).min(1),
  risk: riskWeight.optional(),
  maxCr: z.number().gt(0).max(1).optional(),
});

/**
 * The names of the weight presets plus `entropy` and `learned` (the dataset's `learned-weights.json`, fitted on
 * backtest outcomes; never the default), as a literal union (a typo fails to compile).
 */
export const WEIGHTS_NAMES = ['balanced', 'fill-first', 'strengthen-first', 'build-first', 'entropy', 'learned'] as const;
/** A weights name: `balanced`, `fill-first`, `strengthen-first`, `build-first`, `entropy` or `learned`. */
export type WeightsNameId = (typeof WEIGHTS_NAMES)[number];

/**
 * True when `s` names a preset or `entropy` (narrows a string read from a command line or a file).
 *
 * @example
 * isWeightsName('fill-first'); // true
 */
export function isWeightsName(s: string): s is WeightsNameId {
  return (WEIGHTS_NAMES as readonly string[]).includes(s);
}

/** A preset id (`balanced`, `fill-first`, `strengthen-first`, `build-first`), `entropy` or `learned`. */
export const WeightsName = z.enum(WEIGHTS_NAMES, {
  error: () => `unknown weights: use one of ${[...Object.keys(WEIGHT_PRESETS), 'entropy', 'learned'].join(', ')}, custom numbers, or { method: 'ahp', matrix } (未知权重方案)`,
});

/**
 * How to weigh the features: a preset name or `entropy`, custom numbers, `{ method: 'entropy' }`, or
 * `{ method: 'ahp', matrix, criteria? }`.
 *
 * @example
 * WeightsSpec.parse({ method: 'ahp', criteria: ['gapFit', 'synergy'], matrix: [[1, 3], [1 / 3, 1]] });
 */
export const WeightsSpec = z.union([WeightsName, EntropyWeightsSpec, AhpWeightsSpec, CustomWeights]);
export type WeightsSpec = z.input<typeof WeightsSpec>;
