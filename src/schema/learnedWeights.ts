import * as z from 'zod';
import { Confidence, PartialDate, Text } from './common.js';
import { FeatureWeights } from './featureWeights.js';

const auc = z.number().min(0).max(1);

/**
 * The `learned-weights.json` file of a dataset (optional; issue 15): weights fitted by an L2-regularised logistic
 * model on backtest outcomes (`npm run backtest -- --dev-only --write-learned FILE`), with the provenance a person
 * needs to judge them: how many landed outcomes and negatives they rest on, which cities and datasets, the penalty λ,
 * the cross-validated AUC, the held-out AUC when it was measured, the date, the command that wrote them, and a plain
 * note. `rankCompanies(ds, { weights: 'learned' })` and `rank --weights learned` use them; they never replace an
 * expert preset or the default. Strict: a key the schema does not know (a misspelt `heldoutAUC`, `fitedOn.landed`)
 * is an error naming the file and the key, not dropped — a dropped optional key would silently lose provenance.
 *
 * @example
 * LearnedWeightsFile.parse({ weights: { gapFit: 0.5, synergy: 0.5, risk: 0.1 }, fittedOn: { landed: 13, negatives: 300, cities: ['聊城市'], datasets: ['liaocheng'] },
 *   lambda: 1, cvAuc: 0.67, date: '2026-12-04', command: 'npm run backtest -- --dev-only --write-learned F', note: '只有 13 个落地' }).confidence; // 'low'
 */
export const LearnedWeightsFile = z.strictObject({
  /** The weights (features missing = 0; `risk` in [0, 1]); normalised when used, as custom weights are. */
  weights: FeatureWeights.refine((w) => Object.entries(w).some(([k, v]) => k !== 'risk' && v !== undefined && v > 0), { message: 'at least one positive feature needs a weight above 0 (至少一个正向特征的权重须大于 0)' }),
  /** What the fit rests on: landed outcomes (positives) and non-landed firms (negatives) of the dev part, and where from. */
  fittedOn: z.strictObject({
    landed: z.number().int().min(1),
    negatives: z.number().int().min(1),
    cities: z.array(Text).min(1),
    datasets: z.array(Text).min(1),
    /** Which part of the records was used: `dev` (the held-out part is never used to fit). */
    part: z.enum(['dev']).default('dev'),
  }),
  /** The L2 penalty chosen by cross-validation on dev. */
  lambda: z.number().min(0),
  /** Cross-validated (out-of-fold) AUC on dev of the chosen λ. */
  cvAuc: auc.optional(),
  /** AUC on the held-out part, when the lead has measured it (absent from a dev-only fit). */
  heldoutAuc: auc.optional(),
  /** The logistic coefficients and their standard errors by feature, when known (to judge their uncertainty). */
  coefficients: z.record(z.string(), z.strictObject({ beta: z.number(), se: z.number().optional() })).optional(),
  /** Features whose negative coefficient was clipped to weight 0. */
  clipped: z.array(z.string()).optional(),
  /** When the weights were fitted. */
  date: PartialDate,
  /** The command that wrote the file (or, for a file written by hand, where its numbers come from). */
  command: Text,
  /** A plain note for the reader: how few outcomes the weights rest on and what they are not. */
  note: Text,
  confidence: Confidence.default('low'),
});
export type LearnedWeightsFile = z.infer<typeof LearnedWeightsFile>;
