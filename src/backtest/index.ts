// Backtest of the ranking on recorded outcomes, and learned weights (issue 15).
export { datasetBefore, withoutTies, companiesWithoutTies, partialDateStart } from './asItStood.js';
export type { LandingKeys, Removed } from './asItStood.js';
export { ReconstructionSpec, ReconstructionEntry } from './reconstructionSpec.js';
export { splitOf, fnv1a } from './split.js';
export type { SplitPart } from './split.js';
export { runBacktest, featureContrast } from './runBacktest.js';
export type { BacktestInput, BacktestReport, LandingResult, FeatureRow, PartFigures, FeatureContrast } from './runBacktest.js';
export { fitLearnedWeights, weightsFromFit, clippedFeatures } from './learnedWeights.js';
export type { LearnedModel, LearnOptions } from './learnedWeights.js';
export { formatBacktest, formatLearned } from './formatReport.js';
export { auc, pairedAuc } from '../stats/auc.js';
export { fitLogistic, predictLogistic, crossValidatedPredictions, stratifiedFolds } from '../stats/logistic.js';
export type { LogisticFit, LogisticOptions } from '../stats/logistic.js';
