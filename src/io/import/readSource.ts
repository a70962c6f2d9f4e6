import { basename, extname } from 'node:path';
import { parseJsonText } from '../../dataset/decodeJson.js';
import { InputFileError, readInputFile } from '../readInputFile.js';
import { decodeText } from './decodeText.js';
import { importFailed } from './importFailed.js';
import type { ResolvedImportOptions } from './importOptions.js';
import type { RawSheet, RawWarning } from './rawTable.js';
import { ImportLimitError } from './importLimitError.js';
import { CsvTooLargeError, readCsv, rowList } from './readCsv.js';
import { readJsonRows, TooManyCellsError } from './readJsonRows.js';
import { readXlsx } from './readXlsx.js';
import { summarizeSheet } from './selectTable.js';
import { XlsxBoundsError } from './xlsxBounds.js';

/** What `importCompanies` accepts: a file path, file bytes, or rows (objects keyed by column name). */
export type ImportSource = string | Uint8Array | readonly Readonly<Record<string, unknown>>[];

/** The sheets of a source and how they were read. */
export interface SourceTables {
  readonly sheets: readonly RawSheet[];
  readonly format: 'csv' | 'xlsx' | 'json' | 'rows';
  readonly encoding?: string;
  readonly fileName: string;
  readonly warnings: readonly RawWarning[];
}

const EXT: Readonly<Record<string, 'csv' | 'xlsx' | 'json'>> = { '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.json': 'json' };

function sniff(bytes: Uint8Array): 'csv' | 'xlsx' | 'json' | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x5b || bytes[i] === 0x7b ? 'json' : 'csv';
}

async function readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readInputFile(path, { maxBytes, limitName: 'maxBytes' });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw importFailed(`cannot read "${path}": ${error.detail}`, `无法读取“${path}”：${error.detailZh}`, error);
  }
}

function rowsOfJson(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    for (const k of ['rows', 'companies', 'data', 'records']) {
      const v = (value as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v;
    }
  }
  return undefined;
}

function jsonRows(records: readonly unknown[], fileName: string, maxCells: number): ReturnType<typeof readJsonRows> {
  try {
    return readJsonRows(records, maxCells);
  } catch (error) {
    if (!(error instanceof TooManyCellsError)) throw error;
    throw importFailed(
      `"${fileName}" has ${error.rows} records × ${error.columns}+ distinct keys, over the limit of ${error.maxCells} cells (maxCells)`,
      `“${fileName}”有 ${error.rows} 条记录 × 至少 ${error.columns} 个不同的键，超过 ${error.maxCells} 个单元格的上限（maxCells）`,
    );
  }
}

/** Rows of a CSV file, or IMPORT_FAILED naming the file, row and field where it passes `maxCells`. */
function csvSheet(text: string, fileName: string, maxCells: number): RawSheet {
  try {
    return readCsv(text, maxCells);
  } catch (error) {
    if (!(error instanceof CsvTooLargeError)) throw error;
    const { record, column, header } = error.at;
    const field = header !== undefined ? `"${header}" (column ${column})` : `column ${column}`;
    const fieldZh = header !== undefined ? `“${header}”（第 ${column} 列）` : `第 ${column} 列`;
    throw importFailed(
      `"${fileName}" row ${record}, field ${field}: more than ${maxCells} cells (rows × columns), over the limit (maxCells); split the file or raise maxCells`,
      `“${fileName}”第 ${record} 行，字段${fieldZh}：单元格超过 ${maxCells} 个（行 × 列），超过上限（maxCells）；请拆分文件或调高 maxCells`,
      new ImportLimitError(fileName, record, header ?? `column ${column}`, 'maxCells', maxCells),
    );
  }
}

/** The encoding-replaced warning, naming the rows whose cells hold U+FFFD (so the analyst can check them). */
function replacedWarning(sheet: RawSheet, count: number): RawWarning {
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c.includes('\uFFFD'))).map((r) => r.row);
  return { code: 'encoding-replaced', count, ...(rows.length > 0 ? { detail: rowList(rows) } : {}) };
}

/** Read a source into raw sheets: detect the format, decode text, parse CSV / XLSX / JSON with their libraries. */
export async function readSource(source: ImportSource, o: ResolvedImportOptions): Promise<SourceTables> {
  if (Array.isArray(source)) {
    const fileName = o.fileName ?? 'rows';
    return { sheets: [jsonRows(source, fileName, o.maxCells)], format: 'rows', fileName, warnings: [] };
  }
  const isPath = typeof source === 'string';
  const bytes = isPath ? await readBytes(source, o.maxBytes) : (source as Uint8Array);
  if (bytes.byteLength > o.maxBytes) throw importFailed(`input is ${bytes.byteLength} bytes, over the limit of ${o.maxBytes}`, `输入大小 ${bytes.byteLength} 字节，超过上限 ${o.maxBytes}`);
  const fileName = o.fileName ?? (isPath ? basename(source) : 'buffer');
  const sniffed = sniff(bytes);
  const format = o.format ?? (sniffed === 'xlsx' || sniffed === 'xls' ? sniffed : (EXT[extname(fileName).toLowerCase()] ?? sniffed));
  if (format === 'xls') throw importFailed(`"${fileName}" is a legacy .xls workbook; save it as .xlsx or CSV`, `“${fileName}”是旧版 .xls 工作簿，请另存为 .xlsx 或 CSV`);
  if (format === 'xlsx') {
    try {
      const choice = {
        wanted: (name: string, index: number) => o.sheet === undefined || (typeof o.sheet === 'number' ? index + 1 === o.sheet : name === o.sheet),
        summarize: (sheet: RawSheet) => summarizeSheet(sheet, o),
      };
      return { sheets: await readXlsx(bytes, { maxCells: o.maxCells, maxUnzippedBytes: o.maxUnzippedBytes }, choice), format, fileName, warnings: [] };
    } catch (error) {
      if (error instanceof XlsxBoundsError) throw importFailed(`"${fileName}": ${error.en}`, `“${fileName}”：${error.zh}`, error);
      throw importFailed(`"${fileName}" is not a readable XLSX workbook (${(error as Error).message})`, `“${fileName}”不是可读取的 XLSX 工作簿（${(error as Error).message}）`, error);
    }
  }
  const decoded = decodeText(bytes, o.encoding);
  const warnings: RawWarning[] = [];
  if (decoded.guessed) warnings.push({ code: 'encoding-guessed', value: decoded.encoding });

  if (format === 'json') {
    const parsed = parseJsonText(decoded.text, fileName);
    if (!parsed.ok) {
      const issue = parsed.issues[0]!;
      throw importFailed(`"${fileName}": ${issue.message}`, `“${fileName}”：${issue.messageZh}`);
    }
    const rows = rowsOfJson(parsed.value);
    if (rows === undefined) throw importFailed(`"${fileName}": expected an array of records (or { "rows": [...] })`, `“${fileName}”：应为记录数组（或 { "rows": [...] }）`);
    const sheet = jsonRows(rows, fileName, o.maxCells);
    if (decoded.replaced > 0) warnings.push(replacedWarning(sheet, decoded.replaced));
    return { sheets: [sheet], format, encoding: decoded.encoding, fileName, warnings };
  }
  const sheet = csvSheet(decoded.text, fileName, o.maxCells);
  if (decoded.replaced > 0) warnings.push(replacedWarning(sheet, decoded.replaced));
  return { sheets: [sheet], format: 'csv', encoding: decoded.encoding, fileName, warnings };
}
