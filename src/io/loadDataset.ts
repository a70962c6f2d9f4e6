import { join } from 'node:path';
import * as z from 'zod';
import { UsageError, type DataIssue } from '../errors.js';
import { decodeJson, DEFAULT_JSON_LIMITS, fileIssue, type JsonLimits } from '../dataset/decodeJson.js';
import { safeParseDatasetFiles, type DatasetFiles, type DatasetResult } from '../dataset/parseDataset.js';
import { InputFileError, readInputFile } from './readInputFile.js';
import { DATASET_FILES, OPTIONAL_DATASET_FILES, type Dataset, type DatasetFileName } from '../schema/dataset.js';

/** Options of `loadDataset`. */
export const LoadOptionsSchema = z.object({
  /** Largest file accepted, in bytes (default 64 MiB). Larger files are reported, not read. */
  maxFileBytes: z.number().int().positive().default(64 * 1024 * 1024),
  /** Deepest nesting of arrays and objects in a file (default 64). */
  maxJsonDepth: z.number().int().positive().max(10_000).default(DEFAULT_JSON_LIMITS.maxDepth),
  /** Most JSON values in a file (default 10,000,000). */
  maxJsonNodes: z.number().int().positive().default(DEFAULT_JSON_LIMITS.maxNodes),
  /** Most distinct property names in a file (default 100,000). */
  maxJsonKeys: z.number().int().positive().default(DEFAULT_JSON_LIMITS.maxKeys),
});
export type LoadOptions = z.input<typeof LoadOptionsSchema>;

function resolveOptions(options: LoadOptions | undefined): z.output<typeof LoadOptionsSchema> {
  const r = LoadOptionsSchema.safeParse(options ?? {});
  if (!r.success) {
    throw new UsageError(`loadDataset: invalid options: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, `loadDataset：选项无效`, r.error.issues.map((i) => i.message), 'OPTIONS_INVALID');
  }
  return r.data;
}

async function readOne(dir: string, file: DatasetFileName, maxBytes: number, limits: JsonLimits): Promise<{ value?: unknown; issues: DataIssue[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(join(dir, file), { maxBytes, withinDir: dir, limitName: 'maxFileBytes' });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    if (error.problem === 'missing') return OPTIONAL_DATASET_FILES.includes(file) ? { issues: [] } : { issues: [fileIssue('file-missing', file, {})] };
    if (error.problem === 'too-large') return { issues: [fileIssue('file-too-large', file, { limit: maxBytes })] };
    const code = error.problem === 'unreadable' ? 'file-unreadable' : 'file-not-regular';
    return { issues: [fileIssue(code, file, { detail: error.detail, other: error.detailZh })] };
  }
  const decoded = decodeJson(bytes, file, limits);
  return decoded.ok ? { value: decoded.value, issues: [] } : { issues: decoded.issues };
}

/**
 * Like `loadDataset`, but returns `{ success, data }` or `{ success: false, error }` instead of throwing on bad data.
 *
 * @example
 * const r = await safeLoadDataset('./my-city');
 * if (!r.success) for (const i of r.error.issues) console.log(i.file, i.index, i.field, i.messageZh);
 */
export async function safeLoadDataset(dir: string, options?: LoadOptions): Promise<DatasetResult> {
  const { maxFileBytes, maxJsonDepth, maxJsonNodes, maxJsonKeys } = resolveOptions(options);
  const limits: JsonLimits = { maxDepth: maxJsonDepth, maxNodes: maxJsonNodes, maxKeys: maxJsonKeys };
  const files: DatasetFiles = {};
  const issues: DataIssue[] = [];
  const names = Object.keys(DATASET_FILES) as DatasetFileName[];
  const results = await Promise.all(names.map((f) => readOne(dir, f, maxFileBytes, limits)));
  names.forEach((file, k) => {
    const r = results[k]!;
    issues.push(...r.issues);
    if (r.value !== undefined) files[file] = r.value;
  });
  return safeParseDatasetFiles(files, dir, issues);
}

/**
 * Load a dataset directory (dataset.json, industries.json, segments.json, links.json, enterprises.json,
 * companies.json, cities.json), validate every file with its schema, then check references across files.
 *
 * @param dir - the dataset directory
 * @param options - `{ maxFileBytes, maxJsonDepth, maxJsonNodes, maxJsonKeys }`
 * @returns the validated dataset, plain data
 * @throws {DatasetError} listing every problem (file, record index, field, zh + en message); never half-valid data
 * @example
 * const ds = await loadDataset('data/liaocheng');
 * ds.segments.length; // ≥ 120
 */
export async function loadDataset(dir: string, options?: LoadOptions): Promise<Dataset> {
  const r = await safeLoadDataset(dir, options);
  if (!r.success) throw r.error;
  return r.data;
}
