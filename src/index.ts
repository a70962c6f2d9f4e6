// chain-targeting public API. Explicit named exports only, grouped by pipeline stage.

// errors
export { ChainTargetingError, DatasetError, InvalidArgumentError, NotFoundError, UsageError, describeIssue } from './errors.js';
export type { DataIssue, DataIssueCode, ErrorCode, Lang } from './errors.js';

// schema
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
export { indexDataset, findPlace, requireSegment } from './dataset/indexDataset.js';
export type { DatasetIndex } from './dataset/indexDataset.js';
export { placeKey } from './dataset/checkReferences.js';
export { checkCompanyReferences } from './dataset/checkCompanyReferences.js';
export { unknownFieldWarnings } from './dataset/unknownFields.js';

// io
export { loadDataset, safeLoadDataset } from './io/loadDataset.js';
export type { LoadOptions } from './io/loadDataset.js';
export { InputFileError, readInputFile } from './io/readInputFile.js';
export type { InputFileProblem, ReadInputOptions } from './io/readInputFile.js';
export { DEFAULT_JSON_LIMITS } from './dataset/scanJson.js';
export type { JsonLimits } from './dataset/scanJson.js';
export { neutralizeCell } from './io/csvCell.js';
export { writeOutputFiles, prepareOutputs, assertDistinctPaths } from './io/writeOutputFiles.js';
export type { OutputFile } from './io/writeOutputFiles.js';

// graph (issue 4): the chain graph (graphology DirectedGraph), local firms, centrality
export { buildChainGraph } from './graph/buildChainGraph.js';
export type { ChainGraphOptions } from './graph/buildChainGraph.js';
export { annotateChainGraph } from './graph/annotateChainGraph.js';
export { chainAdjacency } from './graph/chainAdjacency.js';
export type { ChainAdjacency } from './graph/chainAdjacency.js';
export { segmentCentrality } from './graph/segmentCentrality.js';
export type { BetweennessMode, CentralityOptions, SegmentCentrality } from './graph/segmentCentrality.js';
export { sampledBetweenness } from './graph/sampledBetweenness.js';
export { segmentIsStrategic } from './graph/segmentIsStrategic.js';
export { enterpriseRevenue } from './graph/enterpriseRevenue.js';
export { localFirmsBySegment } from './graph/localFirmsBySegment.js';
export type { SegmentFirms } from './graph/localFirmsBySegment.js';
export type { ChainGraph, ChainNodeAttributes, ChainEdgeAttributes } from './graph/types.js';

// gaps (issue 4): 补链 / 延链 / 强链 / 建链 with measures, priorities and reasons (docs/methodology.md)
export { analyzeGaps } from './gaps/analyzeGaps.js';
export { buildGapContext } from './gaps/buildGapContext.js';
export { analyzeGapsWithContext } from './gaps/analyzeGapsWithContext.js';
export { contextMatches } from './gaps/contextMatches.js';
export type { GapContext, GapUnit } from './gaps/context.js';
export { GapOptions, PriorityWeights, DEFAULT_GAP_OPTIONS } from './gaps/options.js';
export type { GapOptionsInput, ResolvedGapOptions } from './gaps/options.js';
export { resolveGapOptions } from './gaps/resolveGapOptions.js';
export { GAP_KIND_LABELS, PRIORITY_FACTORS, RESTRICTED_LABEL } from './gaps/types.js';
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
export { WEIGHT_PRESETS } from './scoring/presets.js';
export { WeightsSpec, CustomWeights, EntropyWeightsSpec, AhpWeightsSpec } from './scoring/weightsSpec.js';
export { resolveWeights, DEFAULT_RISK_WEIGHT } from './scoring/resolveWeights.js';
export type { ResolvedWeights } from './scoring/resolveWeights.js';
export { normalizeWeights } from './scoring/normalizeWeights.js';
export { entropyWeights } from './scoring/entropyWeights.js';
export { ahpWeights, SAATY_RANDOM_INDEX } from './scoring/ahpWeights.js';
export type { AhpResult } from './scoring/ahpWeights.js';
export { AhpInconsistentError } from './scoring/AhpInconsistentError.js';
export { prepareTopsis } from './scoring/prepareTopsis.js';
export type { TopsisModel } from './scoring/prepareTopsis.js';
export { buildScoringContext, DEFAULT_PRIORITY_REGIONS } from './scoring/buildScoringContext.js';
export type { ScoringContext, ScoringSettings, SynergyLink, PlaceFacts } from './scoring/buildScoringContext.js';
export { computeFeatureMatrix } from './scoring/computeFeatureMatrix.js';
export type { FeatureMatrix } from './scoring/computeFeatureMatrix.js';
export { ALL_FEATURES } from './scoring/features/allFeatures.js';
export type { Feature } from './scoring/features/Feature.js';
export { weightedScores } from './scoring/weightedScores.js';
export { topsisScores } from './scoring/topsisScores.js';
export { combineFeatures, weightedSum, weightVector } from './scoring/weightedSum.js';
export { relevanceValue, explainRelevance, RELEVANCE } from './scoring/relevance.js';
export { selectTop } from './scoring/selectTop.js';
export { rankStability, DEFAULT_STABILITY, KNIFE_EDGE } from './scoring/rankStability.js';
export { approachFacts } from './scoring/approachFacts.js';
export type { ApproachFacts } from './scoring/approachFacts.js';
export { suggestApproach, APPROACH_RULES } from './scoring/suggestApproach.js';
export type { ApproachRule } from './scoring/suggestApproach.js';
export { FEATURE_LABELS, APPROACH_LABELS, COMPANY_LIST_LABELS, TOP_500_LISTS } from './scoring/labels.js';

// whatif (issue 8): scenarios, diffs, opportunity gain, visit planning
export { Scenario, Change, LandChange, AddEnterpriseChange, CloseEnterpriseChange, SetPriorityChange, SetWeightsChange, ExcludeChange, AddCorrectionChange, RemoveCorrectionsChange, LandingSize, DEFAULT_LANDING_SIZE } from './whatif/scenario.js';
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
export { planVisits, PlanOptions, PLAN_GUARANTEE } from './whatif/planVisits.js';
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
export { HandbookOptions, resolveHandbookOptions } from './handbook/options.js';
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
export { escapeHtml } from './handbook/render/escapeHtml.js';
export { escapeMarkdown } from './handbook/render/escapeMarkdown.js';
export { renderChainMap } from './handbook/svg/renderChainMap.js';
export { layoutChainMap, CHAIN_MAP_GEOMETRY } from './handbook/svg/layoutChainMap.js';
export type { ChainMapLayout, LayoutColumn, LayoutNode } from './handbook/svg/layoutChainMap.js';
export { writeHandbookFiles } from './handbook/writeHandbookFiles.js';
export type { HandbookFiles } from './handbook/writeHandbookFiles.js';
// handbook, issue 18: the interactive 招商图谱 and the PDF (playwright-core and pdf-lib, optional peers, loaded only when printing)
export type { RenderHtmlOptions } from './handbook/render/html.js';
export { interactivePayload } from './handbook/interactive/mapPayload.js';
export type { InteractivePayload, InteractiveMap, InteractiveNode, SegmentDetail } from './handbook/interactive/mapPayload.js';
export { readEchartsBrowserBuild } from './handbook/interactive/echartsAsset.js';
export { jsonForScript } from './handbook/interactive/jsonScript.js';
export { findChromium, BrowserNotFoundError } from './handbook/pdf/findChromium.js';
export { printHandbookPdf } from './handbook/pdf/printHandbookPdf.js';
export type { PrintPdfOptions, PrintedPdf } from './handbook/pdf/printHandbookPdf.js';

// stats (normalisation helpers with empty-input guards)
export { minMaxNormalize } from './stats/minMaxNormalize.js';
export { zScores } from './stats/zScores.js';
export { quantiles } from './stats/quantiles.js';
export type { QuantileMethod } from './stats/quantiles.js';
export { haversineKm } from './stats/haversineKm.js';

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
export { HeaderMappingSchema, ImportFieldSchema } from './io/import/planColumns.js';
export type { HeaderMapping } from './io/import/planColumns.js';
export { DEFAULT_HEADER_ALIASES } from './io/import/headerAliases.js';
export { parseAmount, DEFAULT_EXCHANGE_RATES } from './io/import/parseAmount.js';
export type { AmountUnit, ParsedAmount, ExchangeRates } from './io/import/parseAmount.js';
export { parseUnit } from './io/import/parseUnit.js';
export { decodeText } from './io/import/decodeText.js';
export type { DecodedText } from './io/import/decodeText.js';
export { normalizeCompanyName, NormalizeNameOptionsSchema } from './match/normalizeCompanyName.js';
export type { NormalizeNameOptions } from './match/normalizeCompanyName.js';
export { normalizeText } from './match/normalizeText.js';
export { toSimplified } from './match/toSimplified.js';
export { companyIdFor } from './match/companyIdFor.js';
export { createNameIndex, NameIndexOptionsSchema } from './match/createNameIndex.js';
export type { NameIndex, NameIndexOptions, NameSearchOptions } from './match/createNameIndex.js';
export { findCompanies } from './match/findCompanies.js';
export type { FoundCompany } from './match/findCompanies.js';
export { dedupe, DedupeOptionsSchema } from './match/dedupe.js';
export type { DedupeOptions, DedupeResult, MergeRecord, PossibleDuplicate } from './match/dedupe.js';
export { mergeCompanies } from './match/mergeCompanies.js';
export { createKeywordTagger, TagOptionsSchema, DEFAULT_TAG_OPTIONS } from './match/createKeywordTagger.js';
export type { KeywordTagger, TaggingDataset, TagOptions } from './match/createKeywordTagger.js';
export { tagSegments } from './match/tagSegments.js';
// placement (挂链): industry codes, vendor concordances, text retrieval, off-chain
export { createPlacer, PlacerOptionsSchema } from './match/placement/createPlacer.js';
export type { Placer, PlacerOptions, PlacementResult, PlacementDataset, PlaceableCompany } from './match/placement/createPlacer.js';
export { defaultConcordances, concordance } from './match/placement/defaultConcordances.js';
export type { LabelConcordance, LabelConcordanceEntry } from './match/placement/labelCodes.js';
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

// cli (for tools that embed the CLI)
export { runCli } from './cli/runCli.js';
export { datasetInfo } from './dataset/datasetInfo.js';
export type { DatasetInfo } from './dataset/datasetInfo.js';
export { Outcome, OutcomesFile, OutcomeStatus, LANDED_STATUSES } from './schema/outcome.js';
export { runBacktest, datasetBefore, withoutTies, splitOf, ReconstructionSpec, fitLearnedWeights, weightsFromFit, auc, pairedAuc, fitLogistic, predictLogistic } from './backtest/index.js';
