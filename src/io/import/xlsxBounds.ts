import { createInflateRaw, inflateRawSync, constants as zlibConstants } from 'node:zlib';

/** One file of a zip archive, from its central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** Why a workbook is refused before it is loaded. */
export class XlsxBoundsError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

/** Limits checked before exceljs sees a workbook. */
export interface XlsxLimits {
  /** Most cells (rows × columns, counted from A1 as the importer reads them) per sheet. */
  readonly maxCells: number;
  /** Most bytes of all parts once unzipped. */
  readonly maxUnzippedBytes: number;
}

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;

/** The central directory of a zip archive (no ZIP64: parts over 4 GiB are refused anyway). */
export function zipEntries(b: Uint8Array): ZipEntry[] {
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxBoundsError('no zip directory found', '找不到 zip 目录');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new XlsxBoundsError('ZIP64 workbooks are not supported', '不支持 ZIP64 格式的工作簿');
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new XlsxBoundsError('damaged zip directory', 'zip 目录已损坏');
    const nameLen = u16(b, p + 28);
    entries.push({
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      name: names.decode(b.subarray(p + 46, p + 46 + nameLen)),
      localOffset: u32(b, p + 42),
    });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** The compressed bytes of an entry. */
export function entryData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== 0x04034b50) throw new XlsxBoundsError(`damaged zip entry ${e.name}`, `zip 条目 ${e.name} 已损坏`);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressedSize > b.length) throw new XlsxBoundsError(`truncated zip entry ${e.name}`, `zip 条目 ${e.name} 不完整`);
  return b.subarray(start, start + e.compressedSize);
}

/** Bytes an entry really unzips to, counted while inflating (nothing kept); stops past `limit`. */
async function unzippedSize(b: Uint8Array, e: ZipEntry, limit: number): Promise<number> {
  if (e.method === 0) return e.compressedSize;
  if (e.method !== 8) throw new XlsxBoundsError(`zip entry ${e.name} uses an unsupported compression method`, `zip 条目 ${e.name} 使用了不支持的压缩方式`);
  const data = entryData(b, e);
  return new Promise((resolve, reject) => {
    let n = 0;
    const z = createInflateRaw();
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit) {
        z.destroy();
        resolve(n);
      }
    });
    z.on('end', () => resolve(n));
    z.on('error', () => reject(new XlsxBoundsError(`zip entry ${e.name} cannot be unzipped`, `zip 条目 ${e.name} 无法解压`)));
    z.end(data);
  });
}

/** The first (up to) 64 kB of an entry's text, for attributes near its start. */
function head(b: Uint8Array, e: ZipEntry): string {
  const data = entryData(b, e);
  if (e.method === 0) return new TextDecoder().decode(data.subarray(0, 65536));
  try {
    const out = inflateRawSync(data.subarray(0, 65536), { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 1 << 20 });
    return new TextDecoder().decode(out.subarray(0, 65536));
  } catch {
    return '';
  }
}

/** The whole text of a small entry (workbook.xml, its rels), at most `limit` bytes. */
function smallText(b: Uint8Array, e: ZipEntry | undefined, limit: number): string {
  if (e === undefined) return '';
  const data = entryData(b, e);
  if (e.method === 0) return new TextDecoder().decode(data.subarray(0, limit));
  try {
    return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: limit }));
  } catch {
    return '';
  }
}

/** 'XFD' → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Last row and column of a declared dimension ('A1:XFD1048576', or one cell 'B7'). */
export function dimensionExtent(ref: string): { rows: number; columns: number } | undefined {
  const last = ref.split(':').pop() ?? '';
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(last.trim());
  return m ? { rows: Number(m[2]), columns: columnNumber(m[1]!) } : undefined;
}

const xmlUnescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Sheet part path (xl/worksheets/sheet1.xml) → sheet name, from workbook.xml and its relationships. */
function sheetNames(b: Uint8Array, byName: Map<string, ZipEntry>): Map<string, string> {
  const wb = smallText(b, byName.get('xl/workbook.xml'), 8 << 20);
  const rels = smallText(b, byName.get('xl/_rels/workbook.xml.rels'), 8 << 20);
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && t !== undefined) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = rid !== undefined ? target.get(rid) : undefined;
    if (name !== undefined && part !== undefined) out.set(part, xmlUnescape(name));
  }
  return out;
}

/**
 * Check a workbook from its zip directory before anything is materialised: the declared dimension of
 * every sheet (`<dimension ref="A1:XFD1048576">`) against `maxCells`, and the unzipped size of every part
 * (shared strings included), counted while inflating and discarding — a zip bomb or a lying directory is
 * refused after at most `maxUnzippedBytes` of work and constant memory.
 *
 * @throws {XlsxBoundsError} naming the sheet or part
 */
export async function checkXlsxBounds(bytes: Uint8Array, limits: XlsxLimits): Promise<void> {
  const entries = zipEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const names = sheetNames(bytes, byName);
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(head(bytes, e))?.[1];
    const extent = ref !== undefined ? dimensionExtent(ref) : undefined;
    if (extent !== undefined && extent.rows * extent.columns > limits.maxCells) {
      const sheet = names.get(e.name) ?? e.name;
      throw new XlsxBoundsError(
        `sheet "${sheet}" declares ${extent.rows} rows × ${extent.columns} columns (${ref}), over the limit of ${limits.maxCells} cells (maxCells)`,
        `工作表“${sheet}”声明了 ${extent.rows} 行 × ${extent.columns} 列（${ref}），超过 ${limits.maxCells} 个单元格的上限（maxCells）`,
      );
    }
  }
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.size > limits.maxUnzippedBytes - total) {
      throw new XlsxBoundsError(`part ${e.name} unzips to ${e.size} bytes, over the limit of ${limits.maxUnzippedBytes} bytes for the workbook (maxUnzippedBytes)`, `部件 ${e.name} 解压后 ${e.size} 字节，超过工作簿 ${limits.maxUnzippedBytes} 字节的上限（maxUnzippedBytes）`);
    }
    const real = await unzippedSize(bytes, e, limits.maxUnzippedBytes - total);
    if (real !== e.size) throw new XlsxBoundsError(`part ${e.name} unzips to more bytes than its zip directory states`, `部件 ${e.name} 解压后的大小与 zip 目录不符`);
    total += real;
  }
}
