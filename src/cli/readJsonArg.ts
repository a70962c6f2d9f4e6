import { basename } from 'node:path';
import { decodeJson } from '../dataset/decodeJson.js';
import { DatasetError, type DataIssue } from '../errors.js';
import { readInputFile } from '../io/readInputFile.js';

/** Environment variable that raises the size limit of files named on the command line. */
export const MAX_FILE_BYTES_ENV = 'CHAIN_TARGETING_MAX_FILE_BYTES';

/** Size limit of a file named on the command line: `CHAIN_TARGETING_MAX_FILE_BYTES`, else 64 MiB. */
export function cliMaxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_FILE_BYTES_ENV];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 64 * 1024 * 1024;
}

/**
 * Read a JSON file named by an option (`--scenario`, `--weights`, `--companies`, `--mapping`) through the
 * bounded reader and the shared JSON decoder (BOM, UTF-8, syntax with line/column, depth, size, forbidden keys).
 *
 * @throws {InputFileError} FILE_UNREADABLE, FILE_NOT_REGULAR or FILE_TOO_LARGE
 * @throws {DatasetError} DATASET_INVALID naming the file, for bad UTF-8, bad or too complex JSON, forbidden keys
 */
export async function readJsonArg(path: string, label: string): Promise<{ value: unknown; file: string }> {
  const file = basename(path);
  const bytes = await readInputFile(path, { maxBytes: cliMaxFileBytes(), limitName: MAX_FILE_BYTES_ENV, label });
  const decoded = decodeJson(bytes, file);
  if (!decoded.ok) throw new DatasetError(path, decoded.issues as [DataIssue, ...DataIssue[]]);
  return { value: decoded.value, file };
}
