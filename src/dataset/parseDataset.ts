import * as z from 'zod';
import { DatasetError, type DataIssue } from '../errors.js';
import {
  DATASET_FILES,
  FILE_TO_KEY,
  OPTIONAL_DATASET_FILES,
  type Dataset,
  type DatasetFileName,
} from '../schema/dataset.js';
import type { DatasetMeta } from '../schema/datasetMeta.js';
import type { LearnedWeightsFile } from '../schema/learnedWeights.js';
import { checkReferences, placeKey, type IndexedRecords } from './checkReferences.js';
import { carrierRecords, checkCarrierReferences, type CarrierRecords } from './checkCarrierReferences.js';
import { fileIssue, findForbiddenKeys } from './decodeJson.js';
import { unknownFieldWarnings } from './unknownFields.js';
import { validateWith } from './zodIssues.js';

/** Raw file contents by file name, as read from a dataset directory (values not yet validated). */
export type DatasetFiles = Partial<Record<DatasetFileName, unknown>>;

/**
 * The outcome of a safe parse: the dataset, or a `DatasetError` with every problem. `warnings` lists what
 * loads but looks wrong (unknown, probably misspelt fields: code `unknown-field`), in both cases.
 */
export type DatasetResult =
  | { readonly success: true; readonly data: Dataset; readonly warnings?: readonly DataIssue[] }
  | { readonly success: false; readonly error: DatasetError; readonly warnings?: readonly DataIssue[] };

type Parsed = { -readonly [K in keyof IndexedRecords]: IndexedRecords[K] };

const FILE_NAMES = Object.keys(DATASET_FILES) as DatasetFileName[];

function parseArrayFile<T>(file: DatasetFileName, raw: unknown, issues: DataIssue[]): (readonly [number, T])[] | undefined {
  const schema = DATASET_FILES[file] as unknown as z.ZodArray<z.ZodType<T>>;
  if (!Array.isArray(raw)) {
    issues.push(fileIssue('invalid-value', file, { detail: `expected a JSON array of records, got ${raw === null ? 'null' : typeof raw}`, other: `应为记录组成的 JSON 数组，实际为 ${raw === null ? 'null' : typeof raw}` }));
    return undefined;
  }
  const element = schema.element;
  const out: (readonly [number, T])[] = [];
  raw.forEach((item, index) => {
    const r = validateWith(element, item, file, index);
    if (r.ok) out.push([index, r.value]);
    else issues.push(...r.issues);
  });
  return out;
}

/**
 * Validate raw file contents (by file name) into a dataset, collecting every problem: schema
 * errors per record, then cross-file references. Never returns half-valid data.
 *
 * @param files - raw values keyed by file name (`dataset.json`, `segments.json` …); missing required files are reported
 * @param where - a label for messages (the directory path, or "memory")
 * @returns `{ success: true, data }` or `{ success: false, error }` with a `DatasetError`
 * @example
 * const r = safeParseDatasetFiles({ 'dataset.json': meta, 'industries.json': [] }, 'memory');
 * if (!r.success) r.error.issues.forEach((i) => i.code);
 */
export function safeParseDatasetFiles(files: DatasetFiles, where: string, preIssues: readonly DataIssue[] = []): DatasetResult {
  const issues: DataIssue[] = [...preIssues];
  const warnings: DataIssue[] = [];
  const unavailable = new Set<string>(preIssues.map((i) => i.file));
  const rawIds = new Map<string, Set<string>>();
  let learnedWeights: LearnedWeightsFile | undefined;
  const parsed: Parsed = { industries: [], segments: [], links: [], enterprises: [], companies: [], cities: [], corrections: [], unavailable, rawIds };
  for (const file of FILE_NAMES) {
    if (unavailable.has(file)) continue;
    let raw = files[file];
    // learned-weights.json is one object, not a list: absent means no learned weights (the key stays absent).
    if (file === 'learned-weights.json' && raw === undefined) continue;
    if (raw === undefined) {
      if (OPTIONAL_DATASET_FILES.includes(file)) raw = [];
      else {
        issues.push(fileIssue('file-missing', file, {}));
        unavailable.add(file);
        continue;
      }
    }
    const forbidden = findForbiddenKeys(raw);
    if (forbidden.length > 0) {
      issues.push(...forbidden.map((path) => fileIssue('forbidden-key', file, { value: String(path[path.length - 1]) }, path)));
      unavailable.add(file);
      continue;
    }
    warnings.push(...unknownFieldWarnings(DATASET_FILES[file], raw, file));
    if (file === 'dataset.json') {
      const r = validateWith(DATASET_FILES['dataset.json'], raw, file);
      if (r.ok) parsed.meta = r.value;
      else {
        issues.push(...r.issues);
        unavailable.add(file);
      }
      continue;
    }
    if (file === 'learned-weights.json') {
      const r = validateWith(DATASET_FILES['learned-weights.json'], raw, file);
      if (r.ok) learnedWeights = r.value;
      else issues.push(...r.issues);
      continue;
    }
    rawIds.set(file, rawIdsOf(file, raw));
    const before = issues.length;
    const records = parseArrayFile(file, raw, issues);
    if (records === undefined) unavailable.add(file);
    else (parsed as unknown as Record<string, unknown>)[FILE_TO_KEY[file]] = records;
    if (records !== undefined && issues.length > before && records.length === 0) unavailable.add(file);
  }
  issues.push(...checkReferences(parsed));
  issues.push(...checkCarrierReferences(parsed as unknown as CarrierRecords, parsed));
  const [first, ...rest] = issues;
  if (first !== undefined) return { success: false, error: new DatasetError(where, [first, ...rest]), warnings };
  const strip = <T>(rs: readonly (readonly [number, T])[]): T[] => rs.map(([, r]) => r);
  const data: Dataset = {
    meta: parsed.meta as DatasetMeta,
    industries: strip(parsed.industries),
    segments: strip(parsed.segments),
    links: strip(parsed.links),
    enterprises: strip(parsed.enterprises),
    companies: strip(parsed.companies),
    cities: strip(parsed.cities),
    // Optional file: the key is present only when the dataset has corrections, so datasets without stay as they were.
    ...(files['corrections.json'] !== undefined ? { corrections: strip(parsed.corrections ?? []) } : {}),
    ...carrierRecords(files, parsed as unknown as Record<string, unknown>),
    ...(learnedWeights !== undefined ? { learnedWeights } : {}),
  };
  return { success: true, data, warnings };
}

function rawIdsOf(file: DatasetFileName, raw: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(raw)) return ids;
  for (const item of raw) {
    if (item === null || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    if (file === 'cities.json') {
      if (typeof r.name === 'string' && typeof r.province === 'string') ids.add(placeKey(r.province, r.name, typeof r.country === 'string' ? r.country : undefined));
    } else if (typeof r.id === 'string') ids.add(r.id);
  }
  return ids;
}

/** Dataset-shaped input held in memory (e.g. built by a planning tool), before validation. */
export interface DatasetInput {
  readonly meta: unknown;
  readonly industries: unknown;
  readonly segments: unknown;
  readonly links: unknown;
  readonly enterprises: unknown;
  readonly companies?: unknown;
  readonly cities: unknown;
  /** The 链长 office's corrections (optional; see `Correction`). */
  readonly corrections?: unknown;
  /** 重点项目, parks and policies (optional; see `Project`, `Park`, `Policy`). */
  readonly projects?: unknown;
  readonly parks?: unknown;
  readonly policies?: unknown;
  /** The bureau's pipeline history (optional; see `Outcome`). */
  readonly outcomes?: unknown;
  /** Weights learned from backtest outcomes, with provenance (optional; see `LearnedWeightsFile`). */
  readonly learnedWeights?: unknown;
}

function toFiles(input: DatasetInput): DatasetFiles {
  const files: DatasetFiles = {};
  for (const file of FILE_NAMES) {
    const value = (input as unknown as Record<string, unknown>)[FILE_TO_KEY[file]];
    if (value !== undefined) files[file] = value;
  }
  return files;
}

/**
 * Like `parseDataset`, but returns a result instead of throwing.
 *
 * @example
 * const r = safeParseDataset(input);
 * if (r.success) analyzeGaps(r.data);
 */
export function safeParseDataset(input: DatasetInput, where = 'memory'): DatasetResult {
  if (input === null || typeof input !== 'object') {
    const issue = fileIssue('invalid-value', 'dataset', { detail: 'expected an object with meta, industries, segments, links, enterprises, companies, cities', other: '应为包含 meta、industries、segments、links、enterprises、companies、cities 的对象' });
    return { success: false, error: new DatasetError(where, [issue]) };
  }
  return safeParseDatasetFiles(toFiles(input), where);
}

/**
 * Validate an in-memory dataset (same checks as `loadDataset`).
 *
 * @param input - `{ meta, industries, segments, links, enterprises, companies?, cities, corrections? }`
 * @returns the validated dataset
 * @throws {DatasetError} listing every problem, each with file, record index, field and message
 * @example
 * const ds = parseDataset({ meta, industries, segments, links, enterprises: [], companies: [], cities });
 */
export function parseDataset(input: DatasetInput, where = 'memory'): Dataset {
  const r = safeParseDataset(input, where);
  if (!r.success) throw r.error;
  return r.data;
}
