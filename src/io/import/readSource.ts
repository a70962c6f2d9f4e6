import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ChainTargetingError } from '../../errors.js';
import { decodeText } from './decodeText.js';
import { importFailed } from './importFailed.js';
import type { ResolvedImportOptions } from './importOptions.js';
import type { RawSheet, RawWarning } from './rawTable.js';
import { readCsv } from './readCsv.js';
import { readJsonRows } from './readJsonRows.js';
import { readXlsx } from './readXlsx.js';

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
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw importFailed(`"${path}" is not a file`, `“${path}”不是文件`);
    size = s.size;
  } catch (error) {
    if (error instanceof ChainTargetingError) throw error;
    throw importFailed(`cannot read "${path}": ${(error as Error).message}`, `无法读取“${path}”：${(error as Error).message}`, error);
  }
  if (size > maxBytes) throw importFailed(`"${path}" is ${size} bytes, over the limit of ${maxBytes} (maxBytes)`, `“${path}”大小 ${size} 字节，超过上限 ${maxBytes}（maxBytes）`);
  return readFile(path);
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

/** Read a source into raw sheets: detect the format, decode text, parse CSV / XLSX / JSON with their libraries. */
export async function readSource(source: ImportSource, o: ResolvedImportOptions): Promise<SourceTables> {
  if (Array.isArray(source)) {
    return { sheets: [readJsonRows(source)], format: 'rows', fileName: o.fileName ?? 'rows', warnings: [] };
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
      return { sheets: await readXlsx(bytes), format, fileName, warnings: [] };
    } catch (error) {
      throw importFailed(`"${fileName}" is not a readable XLSX workbook (${(error as Error).message})`, `“${fileName}”不是可读取的 XLSX 工作簿（${(error as Error).message}）`, error);
    }
  }
  const decoded = decodeText(bytes, o.encoding);
  const warnings: RawWarning[] = [];
  if (decoded.guessed) warnings.push({ code: 'encoding-guessed', value: decoded.encoding });
  if (decoded.replaced > 0) warnings.push({ code: 'encoding-replaced', count: decoded.replaced });
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch (error) {
      throw importFailed(`"${fileName}" is not valid JSON (${(error as Error).message})`, `“${fileName}”不是有效的 JSON（${(error as Error).message}）`, error);
    }
    const rows = rowsOfJson(value);
    if (rows === undefined) throw importFailed(`"${fileName}": expected an array of records (or { "rows": [...] })`, `“${fileName}”：应为记录数组（或 { "rows": [...] }）`);
    return { sheets: [readJsonRows(rows)], format, encoding: decoded.encoding, fileName, warnings };
  }
  return { sheets: [readCsv(decoded.text)], format: 'csv', encoding: decoded.encoding, fileName, warnings };
}
