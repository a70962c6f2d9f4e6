// chain-targeting public API. Explicit named exports only, grouped by pipeline stage.

// errors
export { ChainTargetingError, DatasetError, NotFoundError, UsageError, describeIssue } from './errors.js';
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
} from './schema/index.js';
export type { Dataset, DatasetFileName } from './schema/index.js';

// dataset
export { parseDataset, safeParseDataset } from './dataset/parseDataset.js';
export type { DatasetInput, DatasetResult } from './dataset/parseDataset.js';
export { liaocheng } from './dataset/liaocheng.js';
export { indexDataset, findPlace, requireSegment } from './dataset/indexDataset.js';
export type { DatasetIndex } from './dataset/indexDataset.js';
export { placeKey } from './dataset/checkReferences.js';

// io
export { loadDataset, safeLoadDataset } from './io/loadDataset.js';
export type { LoadOptions } from './io/loadDataset.js';
export { neutralizeCell } from './io/csvCell.js';

// cli (for tools that embed the CLI)
export { runCli } from './cli/runCli.js';
export { datasetInfo } from './cli/commands/info.js';
export type { DatasetInfo } from './cli/commands/info.js';
