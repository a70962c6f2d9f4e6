/**
 * chain-targeting public API: the functions and types the README, docs/ and examples/ use, plus the documented
 * extension points (docs/api.md lists every export and why it is public). Everything else under src/ is internal and
 * may change without notice. Explicit named exports only, grouped by pipeline stage; nothing here imports `cli/`.
 *
 * @example
 * import { liaocheng, analyzeGaps, chainModel, rankCompanies } from 'chain-targeting';
 * const ds = liaocheng();
 * rankCompanies(ds, { gaps: analyzeGaps(ds), top: 20, weights: 'fill-first' }).items[0];
 * // many rankings of one dataset: build its chain model once and pass it
 * const model = chainModel(ds);
 * const gaps = analyzeGaps(model);
 * rankCompanies(model, { gaps, industry: 'bearings', top: 10 });
 *
 * @packageDocumentation
 */

// errors: every thrown error is a ChainTargetingError with a stable `code`, an English `message` and a Chinese `messageZh`
export { ChainTargetingError, DatasetError, InvalidArgumentError, NotFoundError, UsageError, describeIssue } from './errors.js';
export type { DataIssue, DataIssueCode, ErrorCode, Lang } from './errors.js';

// schema: the dataset format (zod schemas double as types); validate your own data with them
export {
  Id,
  PartialDate,
  Confidence,
  Stage,
  RevenueBand,
  REVENUE_BANDS,
  Provenance,
  SourceRef,
  HomeCity,
  Priorities,
  DatasetMeta,
  SubDirection,
  Industry,
  Segment,
  LinkBasis,
  Link,
  EnterpriseStatus,
  Enterprise,
  Ownership,
  CompanyList,
  Signal,
  Tie,
  Risk,
  HqLocation,
  Company,
  CityLevel,
  City,
  DatasetSchema,
  DATASET_FILES,
  GbIndustryCode,
  ConcordanceLevel,
  ConcordanceEntry,
  Concordance,
} from './schema/index.js';
export type { Dataset, DatasetFileName } from './schema/index.js';
// corrections.json and policy status (issue 14)
export { Correction, PresentCorrection, AbsentCorrection, NotPursuedCorrection, PriorityCorrection, PolicyStatus, PolicyNote, Capacity, POLICY_STATUS_LABELS } from './schema/correction.js';

// dataset
export { parseDataset, safeParseDataset } from './dataset/parseDataset.js';
export type { DatasetInput, DatasetResult } from './dataset/parseDataset.js';
export { liaocheng } from './dataset/liaocheng.js';
export { datasetInfo } from './dataset/datasetInfo.js';
export type { DatasetInfo } from './dataset/datasetInfo.js';

// io: read a dataset directory (bounded, guarded reads)
export { loadDataset, safeLoadDataset } from './io/loadDataset.js';
export type { LoadOptions } from './io/loadDataset.js';
export { InputFileError } from './io/readInputFile.js';
export type { InputFileProblem } from './io/readInputFile.js';
export type { JsonLimits } from './dataset/scanJson.js';

// model (issue 20): the chain of a dataset built once, read by gaps, scoring, what-if and the handbook
export { chainModel } from './model/chainModel.js';
export type { ChainModel } from './model/chainModel.js';

// graph (issue 4): the chain graph (graphology DirectedGraph) with local firms
export { buildChainGraph } from './graph/buildChainGraph.js';
export type { ChainGraphOptions } from './graph/buildChainGraph.js';
export { annotateChainGraph } from './graph/annotateChainGraph.js';
export type { ChainGraph, ChainNodeAttributes, ChainEdgeAttributes } from './graph/types.js';

// gaps (issue 4): 补链 / 延链 / 强链 / 建链 with measures, priorities and reasons (docs/methodology.md)
export { analyzeGaps } from './gaps/analyzeGaps.js';
export { buildGapContext } from './gaps/buildGapContext.js';
export { analyzeGapsWithContext } from './gaps/analyzeGapsWithContext.js';
export type { GapContext, GapUnit } from './gaps/context.js';
export { GapOptions, PriorityWeights, DEFAULT_GAP_OPTIONS } from './gaps/options.js';
export type { GapOptionsInput, ResolvedGapOptions } from './gaps/options.js';
export { GAP_KINDS, GAP_KIND_LABELS, PRIORITY_FACTORS } from './gaps/types.js';
export type {
  GapAnalysis,
  SegmentGap,
  SegmentMeasures,
  Reason,
  GapKind,
  GapCounts,
  ChainSummary,
  PriorityBreakdown,
  PriorityFactor,
  Evidence,
  GapFeasibility,
  GapPolicy,
} from './gaps/types.js';

// scoring (issue 5): fit score, weights (presets, custom, 熵权法, AHP), TOPSIS, stability, 招商方式
export { rankCompanies } from './scoring/rankCompanies.js';
export { RankOptionsSchema } from './scoring/rankOptions.js';
export type { RankOptions } from './scoring/rankOptions.js';
export { topTargetsByIndustry } from './scoring/topTargetsByIndustry.js';
export type { IndustryTargets } from './scoring/topTargetsByIndustry.js';
export { FEATURE_NAMES, POSITIVE_FEATURES } from './scoring/types.js';
export type {
  FeatureName,
  Weights,
  AggregationMethod,
  ApproachMethod,
  Approach,
  MatchedGap,
  RankStability,
  RankedItem,
  Ranking,
  WeightSource,
  GapKindFactors,
  FeatureResult,
  AhpConsistency,
  StabilitySettings,
  WeightPreset,
} from './scoring/types.js';
// extension points: weights from presets, custom numbers, 熵权法 or an AHP matrix, checked by these schemas
export { WEIGHT_PRESETS } from './scoring/presets.js';
export { WeightsSpec, CustomWeights, EntropyWeightsSpec, AhpWeightsSpec, WEIGHTS_NAMES } from './scoring/weightsSpec.js';
export type { WeightsNameId } from './scoring/weightsSpec.js';
export { resolveWeights } from './scoring/resolveWeights.js';
export type { ResolvedWeights } from './scoring/resolveWeights.js';
export { entropyWeights } from './scoring/entropyWeights.js';
export { ahpWeights } from './scoring/ahpWeights.js';
export type { AhpResult } from './scoring/ahpWeights.js';
export { AhpInconsistentError } from './scoring/AhpInconsistentError.js';
export { FEATURE_LABELS, APPROACH_LABELS, COMPANY_LIST_LABELS } from './scoring/labels.js';

// whatif (issue 8): scenarios, diffs, opportunity gain, visit planning
export { Scenario, Change, DEFAULT_LANDING_SIZE } from './whatif/scenario.js';
export type { LandChange, AddEnterpriseChange, CloseEnterpriseChange, SetPriorityChange, SetWeightsChange, ExcludeChange, AddCorrectionChange, RemoveCorrectionsChange, LandingSize } from './whatif/scenario.js';
export type { ScenarioInput } from './whatif/scenario.js';
export { ScenarioError } from './whatif/ScenarioError.js';
export type { ScenarioIssue, ScenarioIssueCode } from './whatif/ScenarioError.js';
export { parseScenario, safeParseScenario } from './whatif/parseScenario.js';
export type { ScenarioResultOrError } from './whatif/parseScenario.js';
export { land } from './whatif/land.js';
export type { LandOptions } from './whatif/land.js';
export { addEnterprise } from './whatif/addEnterprise.js';
export { closeEnterprise } from './whatif/closeEnterprise.js';
export { setPriority } from './whatif/setPriority.js';
export { setWeights } from './whatif/setWeights.js';
export { exclude } from './whatif/exclude.js';
export { applyScenario } from './whatif/applyScenario.js';
export { runScenario, RunScenarioOptions } from './whatif/runScenario.js';
export { compareScenarios } from './whatif/compareScenarios.js';
export { opportunityGain, OpportunityGainOptions } from './whatif/opportunityGain.js';
export type { OpportunityGain } from './whatif/opportunityGain.js';
export { withOpportunityGain, WithOpportunityGainOptions } from './whatif/withOpportunityGain.js';
export { planVisits, PlanOptions } from './whatif/planVisits.js';
export type {
  ScenarioRun,
  LandedCompany,
  ScenarioDiff,
  SegmentDiff,
  IndustryDiff,
  CityDiff,
  RankDiff,
  RankChangeStatus,
  VisitPlan,
  PlannedCompany,
  PlannedGap,
  PlanStop,
  PlanDay,
  PlanCoverage,
} from './whatif/types.js';

// handbook (issue 7): 招商项目手册 as data, then HTML (chain maps, charts), Markdown, XLSX, CSV
export { buildHandbook } from './handbook/buildHandbook.js';
export { buildHandbookFromResults } from './handbook/buildHandbookFromResults.js';
export type { HandbookInputs } from './handbook/buildHandbookFromResults.js';
export { HandbookOptions } from './handbook/options.js';
export type { HandbookOptionsInput, ResolvedHandbookOptions } from './handbook/options.js';
export type {
  Handbook,
  HandbookChapter,
  IndustryRow,
  GapRow,
  TargetCard,
  TargetGap,
  Contribution,
  ChainMapData,
  MapNode,
  MapEdge,
  HistogramBin,
  CountRow,
  HandbookVisitPlan,
  VisitStop,
  VisitFirm,
  MethodAppendix,
} from './handbook/types.js';
export { renderHtml } from './handbook/render/html.js';
export { renderMarkdown } from './handbook/render/markdown.js';
export { writeXlsx } from './handbook/render/xlsx.js';
export { writeCsv } from './handbook/render/csv.js';
export { writeHandbookFiles } from './handbook/writeHandbookFiles.js';
export type { HandbookFiles } from './handbook/writeHandbookFiles.js';
// handbook, issue 18: the interactive 招商图谱 and the PDF (playwright-core and pdf-lib, optional peers, loaded only when printing)
export type { RenderHtmlOptions } from './handbook/render/html.js';
export { interactivePayload } from './handbook/interactive/mapPayload.js';
export type { InteractivePayload, InteractiveMap, InteractiveNode, SegmentDetail } from './handbook/interactive/mapPayload.js';
export { findChromium, BrowserNotFoundError } from './handbook/pdf/findChromium.js';
export { printHandbookPdf } from './handbook/pdf/printHandbookPdf.js';
export type { PrintPdfOptions, PrintedPdf } from './handbook/pdf/printHandbookPdf.js';

// import and matching (company lists in, names matched, companies tagged to segments)
export { importCompanies } from './io/import/importCompanies.js';
export { ImportOptionsSchema } from './io/import/importOptions.js';
export type { ImportOptions } from './io/import/importOptions.js';
export type { ImportSource } from './io/import/readSource.js';
export type {
  ImportResult,
  RejectedRow,
  ImportWarning,
  MergedRow,
  ImportStats,
  ImportTag,
  ImportColumn,
  ImportMeta,
  ImportField,
  RejectCode,
  ImportWarningCode,
  ImportReportRow,
  RowOutcomeKind,
} from './io/import/types.js';
export { HeaderMappingSchema } from './io/import/planColumns.js';
export type { HeaderMapping } from './io/import/planColumns.js';
export { DEFAULT_HEADER_ALIASES } from './io/import/headerAliases.js';
export { normalizeCompanyName } from './match/normalizeCompanyName.js';
export type { NormalizeNameOptions } from './match/normalizeCompanyName.js';
export { createNameIndex } from './match/createNameIndex.js';
export type { NameIndex, NameIndexOptions, NameSearchOptions } from './match/createNameIndex.js';
export { findCompanies } from './match/findCompanies.js';
export type { FoundCompany } from './match/findCompanies.js';
export { dedupe } from './match/dedupe.js';
export type { DedupeOptions, DedupeResult, MergeRecord, PossibleDuplicate } from './match/dedupe.js';
export { createKeywordTagger } from './match/createKeywordTagger.js';
export type { KeywordTagger, TaggingDataset, TagOptions } from './match/createKeywordTagger.js';
// placement (挂链): industry codes, vendor concordances, text retrieval, off-chain
export { createPlacer } from './match/placement/createPlacer.js';
export type { Placer, PlacerOptions, PlacementResult, PlacementDataset, PlaceableCompany } from './match/placement/createPlacer.js';
export { defaultConcordances, concordance } from './match/placement/defaultConcordances.js';
export type { LabelConcordance, LabelConcordanceEntry, LabelMixPart } from './match/placement/labelCodes.js';
export type {
  SegmentCandidate,
  IndustryCandidate,
  TagResult,
  TagEvidence,
  TagField,
  TagStatus,
  TaggableCompany,
  NamedRecord,
  NameMatch,
  MatchedOn,
  MergeConfidence,
  MergeReason,
} from './match/types.js';

// backtest (issue 15): recorded outcomes, the ranking replayed as it stood, learned weights (docs/methodology.md)
export { Outcome, OutcomesFile, OutcomeStatus, LANDED_STATUSES } from './schema/outcome.js';
export { LearnedWeightsFile } from './schema/learnedWeights.js';
export { runBacktest, ReconstructionSpec, fitLearnedWeights, weightsFromFit } from './backtest/index.js';
export type { BacktestInput, BacktestReport, LearnedModel, LearnOptions } from './backtest/index.js';

// DuckDB engine (issue 19): the fit score in SQL, out-of-core ranking of large company files; @duckdb/node-api is loaded on first use only
export { rankWithDuckDb, readCompaniesFile, SCORED_COLUMNS } from './engine/rankWithDuckDb.js';
export type { DuckDbRankOptions, DuckDbRanking } from './engine/rankWithDuckDb.js';
export { scoreSql, CANONICAL_COLUMNS } from './engine/scoreSql.js';
export type { ScoreSqlOptions, SetApart, SqlDialect } from './engine/scoreSql.js';
export { emitScoringSql } from './engine/emitScoringSql.js';
export type { EmitSqlOptions } from './engine/emitScoringSql.js';
export { scoringModel } from './engine/scoringModel.js';
export type { ScoringModel } from './engine/scoringModel.js';
export { scoringTables } from './engine/scoringTables.js';
export type { CityScopeRows, ScoringTables } from './engine/scoringTables.js';
export { chooseEngine, DUCKDB_THRESHOLD_BYTES } from './engine/chooseEngine.js';
export type { Engine } from './engine/chooseEngine.js';
export { rankCitiesWithDuckDb } from './engine/rankCitiesWithDuckDb.js';
export type { CityRanking, ManyCitiesOptions, ManyCitiesRanking } from './engine/rankCitiesWithDuckDb.js';
export { manyCitiesSql } from './engine/manyCitiesSql.js';
export type { ManyCitiesSql } from './engine/manyCitiesSql.js';
