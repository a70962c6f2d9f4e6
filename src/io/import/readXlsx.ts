import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { RawRow, RawSheet, SheetSummary } from './rawTable.js';
import { checkXlsxBounds, entryData, XlsxBoundsError, zipEntries, type XlsxLimits, type ZipEntry } from './xlsxBounds.js';

/** Which sheets to keep whole: the reader keeps only the best one, and a summary of the others. */
export interface SheetChoice {
  /** True when the sheet may be chosen (`--sheet` names it, or none is named). */
  wanted(name: string, index: number): boolean;
  /** What `selectTable` needs of a sheet that is not kept: whether it can hold the data, and how many rows. */
  summarize(sheet: RawSheet): SheetSummary;
}

type Handlers = {
  open?(name: string, attrs: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
};

/** The text of one zip entry, inflated and decoded chunk by chunk (never whole). */
async function* entryText(bytes: Uint8Array, e: ZipEntry): AsyncGenerator<string> {
  const data = entryData(bytes, e);
  const dec = new TextDecoder('utf-8');
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) yield dec.decode(data.subarray(i, i + (1 << 16)), { stream: true });
  } else if (e.method === 8) {
    const z = createInflateRaw({ chunkSize: 1 << 16 });
    z.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    try {
      for await (const chunk of z) yield dec.decode(chunk as Buffer, { stream: true });
    } catch {
      throw new XlsxBoundsError(`zip entry ${e.name} cannot be unzipped`, `zip 条目 ${e.name} 无法解压`);
    }
  } else {
    throw new XlsxBoundsError(`zip entry ${e.name} uses an unsupported compression method`, `zip 条目 ${e.name} 使用了不支持的压缩方式`);
  }
  const rest = dec.decode();
  if (rest.length > 0) yield rest;
}

/** Stream one XML part through saxes; element names without their namespace prefix (`x:c` → `c`). */
async function parsePart(bytes: Uint8Array, e: ZipEntry | undefined, h: Handlers): Promise<void> {
  if (e === undefined) return;
  const p = new SaxesParser();
  const local = (n: string): string => {
    const i = n.indexOf(':');
    return i < 0 ? n : n.slice(i + 1);
  };
  if (h.open) p.on('opentag', (n) => h.open!(local(n.name), n.attributes as Record<string, string>));
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  if (h.close) p.on('closetag', (n) => h.close!(local(n.name)));
  for await (const s of entryText(bytes, e)) p.write(s);
  p.close();
}

/** Excel's escape of characters XML cannot hold (`_x000D_`), decoded as exceljs decodes shared and rich text. */
const unescapeX = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);
/** exceljs decodes the five XML entities once more in `str` cells; kept for identical text. */
const xmlDecode = (s: string): string => (s.includes('&') ? s.replace(/&(lt|gt|amp|quot|apos);/g, (_, n: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[n]!) : s);

/** Shared strings: plain or rich text (runs joined), phonetic guides left out; `_xHHHH_` decoded per text. */
async function sharedStrings(bytes: Uint8Array, e: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  let cur = '';
  let buf = '';
  let inT = false;
  let phonetic = 0;
  await parsePart(bytes, e, {
    open(n) {
      if (n === 'si') cur = '';
      else if (n === 'rPh') phonetic++;
      else if (n === 't' && phonetic === 0) {
        inT = true;
        buf = '';
      }
    },
    text(t) {
      if (inT) buf += t;
    },
    close(n) {
      if (n === 't' && inT) {
        inT = false;
        cur += unescapeX(buf);
      } else if (n === 'rPh') phonetic--;
      else if (n === 'si') out.push(cur);
    },
  });
  return out;
}

// Built-in number formats that exceljs reads as dates (ids 14–22, 45–47).
const BUILTIN_DATE_IDS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's date test of a number format: date letters outside quotes and brackets. */
const isDateFormat = (f: string): boolean => /[ymdhMsb]+/.test(f.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Style ids (cellXfs index) whose number format is a date. */
async function dateStyles(bytes: Uint8Array, e: ZipEntry | undefined): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inXfs = false;
  await parsePart(bytes, e, {
    open(n, a) {
      if (n === 'numFmt' && a.numFmtId !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode ?? '');
      else if (n === 'cellXfs') inXfs = true;
      else if (n === 'xf' && inXfs) xfs.push(parseInt(a.numFmtId ?? '0', 10) || 0);
    },
    close(n) {
      if (n === 'cellXfs') inXfs = false;
    },
  });
  const out = new Set<number>();
  xfs.forEach((id, k) => {
    if (!id) return;
    const f = custom.get(id);
    if (f !== undefined ? f.length > 0 && isDateFormat(f) : BUILTIN_DATE_IDS.has(id)) out.add(k);
  });
  return out;
}

/** Sheets in workbook order with their parts, and the 1904 date system flag. */
async function workbookSheets(bytes: Uint8Array, byName: ReadonlyMap<string, ZipEntry>): Promise<{ sheets: { name: string; part: ZipEntry }[]; date1904: boolean }> {
  const target = new Map<string, string>();
  await parsePart(bytes, byName.get('xl/_rels/workbook.xml.rels'), {
    open(n, a) {
      if (n === 'Relationship' && a.Id !== undefined && a.Target !== undefined) target.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
    },
  });
  const sheets: { name: string; part: ZipEntry }[] = [];
  let date1904 = false;
  await parsePart(bytes, byName.get('xl/workbook.xml'), {
    open(n, a) {
      if (n === 'workbookPr') date1904 = a.date1904 === '1';
      if (n !== 'sheet') return;
      const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
      const path = rid !== undefined ? target.get(rid) : undefined;
      const part = path !== undefined ? byName.get(path) : undefined;
      if (a.name !== undefined && part !== undefined) sheets.push({ name: a.name, part });
    },
  });
  return { sheets, date1904 };
}

/** 'XFD1048576' → { col: 16384, row: 1048576 }. */
function cellRef(ref: string | undefined): { col: number; row: number } | undefined {
  if (ref === undefined) return undefined;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

interface Cell {
  text: string;
  formula: boolean;
}

interface Context {
  readonly strings: readonly string[];
  readonly dates: ReadonlySet<number>;
  readonly date1904: boolean;
  readonly maxCells: number;
}

/** A number as exceljs gives it: a date (YYYY-MM-DD) under a date format, else its shortest text. */
function numberText(v: string, style: number, ctx: Context): string {
  const n = parseFloat(v);
  if (style && ctx.dates.has(style)) return dateText(n, ctx);
  return Number.isFinite(n) ? String(n) : '';
}

/** An Excel serial day as YYYY-MM-DD ('' when it is no date). */
function dateText(n: number, ctx: Context): string {
  const d = new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * Read one worksheet row by row with saxes: cell values as exceljs's `cellText` gave them, merged cells filled with
 * their master's value, every row from 1 to the last one padded to the sheet's width. The extent (last row × last
 * column, merges included) is checked against `maxCells` while reading, so memory stays bounded without a dimension.
 */
async function readSheet(bytes: Uint8Array, name: string, part: ZipEntry, ctx: Context): Promise<RawSheet> {
  const sparse = new Map<number, string[]>();
  const formulaAt = new Map<number, Set<number>>();
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  let maxRow = 0;
  /** Width so far: the last column of the rows holding a value (or a merge); never more than the final width. */
  let maxCol = 0;
  const rowLast = new Map<number, number>();
  const valued = new Set<number>();
  let row = 0;
  let cells: string[] | undefined;
  let col = 0;
  let t: string | undefined;
  let style = 0;
  let v: string | undefined;
  let f: string | undefined;
  let fShared = false;
  let inline = '';
  let hasInline = false;
  let run = '';
  let inRun = false;
  let phonetic = 0;
  let capture: 'v' | 'f' | 't' | undefined;
  // Checked at every cell holding a value, every merge and the end; an empty <row> past maxCells rows counts as one column.
  const over = (): void => {
    if (maxRow * Math.max(maxCol, 1) > ctx.maxCells && (maxCol > 0 || maxRow > ctx.maxCells)) {
      throw new XlsxBoundsError(
        `sheet "${name}" reaches row ${maxRow} and column ${maxCol}, over the limit of ${ctx.maxCells} cells (maxCells)`,
        `工作表“${name}”用到第 ${maxRow} 行、第 ${maxCol} 列，超过 ${ctx.maxCells} 个单元格的上限（maxCells）`,
      );
    }
  };
  const valueOf = (): Cell => {
    if (v === '') v = undefined; // <v></v>: no value, as exceljs reads it
    if ((f !== undefined && f.length > 0) || fShared) {
      if (v === undefined || v.length === 0) return { text: '', formula: true };
      // exceljs turns any cached result under a date format into a date (a text result coerced as JS does).
      if (style && ctx.dates.has(style)) {
        const n = t === 'e' ? NaN : t === 'b' ? (parseInt(v, 10) !== 0 ? 1 : 0) : t === 'str' ? Number(xmlDecode(v)) : parseFloat(v);
        return { text: dateText(n, ctx), formula: true };
      }
      if (t === 'str') return { text: xmlDecode(v), formula: true };
      if (t === 'b') return { text: parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE', formula: true };
      if (t === 'e') return { text: '', formula: true };
      return { text: numberText(v, style, ctx), formula: true };
    }
    if (t === 'inlineStr') return { text: hasInline ? inline : '', formula: false };
    if (v === undefined) return { text: '', formula: false };
    switch (t) {
      case 's':
        return { text: ctx.strings[parseInt(v, 10)] ?? '', formula: false };
      case 'str':
        return { text: xmlDecode(v), formula: false };
      case 'b':
        return { text: parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE', formula: false };
      case 'e':
        return { text: '', formula: false };
      default:
        return { text: numberText(v, style, ctx), formula: false };
    }
  };
  await parsePart(bytes, part, {
    open(n, a) {
      switch (n) {
        case 'row': {
          const r = a.r !== undefined ? parseInt(a.r, 10) : row + 1;
          row = Number.isFinite(r) && r > 0 ? r : row + 1;
          // Stored when its first cell comes: an empty <row> costs nothing (the extent is checked at the end).
          cells = undefined;
          col = 0;
          if (row > maxRow) {
            maxRow = row;
            if (maxRow > ctx.maxCells) over();
          }
          break;
        }
        case 'c': {
          const ref = cellRef(a.r);
          col = ref !== undefined ? ref.col : col + 1;
          if (ref !== undefined && ref.row !== row) {
            // A cell whose reference names another row than its <row>: exceljs files it under the reference.
            row = ref.row;
            cells = undefined;
            if (row > maxRow) maxRow = row;
          }
          if (cells === undefined && row > 0) {
            cells = sparse.get(row);
            if (cells === undefined) sparse.set(row, (cells = []));
          }
          t = a.t;
          style = a.s !== undefined ? parseInt(a.s, 10) || 0 : 0;
          v = undefined;
          f = undefined;
          fShared = false;
          inline = '';
          hasInline = false;
          break;
        }
        case 'v':
          capture = 'v';
          v ??= '';
          break;
        case 'f':
          capture = 'f';
          f ??= '';
          if (a.t !== undefined) fShared = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'r':
          inRun = true;
          run = '';
          break;
        case 't':
          if (phonetic === 0) capture = 't';
          break;
        case 'mergeCell': {
          const [a1, b1] = (a.ref ?? '').split(':');
          const p = cellRef(a1);
          const q = cellRef(b1 ?? a1);
          // One cell "merged" with itself merges nothing.
          if (p !== undefined && q !== undefined && (p.row !== q.row || p.col !== q.col)) {
            const m = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
            merges.push(m);
            if (m.bottom > maxRow) maxRow = m.bottom;
            if (m.right > maxCol) maxCol = m.right;
            over();
          }
          break;
        }
        default:
          break;
      }
    },
    text(s) {
      if (capture === 'v') v += s;
      else if (capture === 'f') f += s;
      else if (capture === 't') {
        hasInline = true;
        if (inRun) run += s;
        else inline += s;
      }
    },
    close(n) {
      switch (n) {
        case 'v':
        case 'f':
        case 't':
          capture = undefined;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'r':
          inRun = false;
          hasInline = true;
          inline += unescapeX(run);
          break;
        case 'c': {
          if (cells === undefined) break; // a cell outside any row
          const c = valueOf();
          // As exceljs builds its model: a cell exists when it has a value or a style; the sheet's width counts
          // only rows holding a value (a styled empty row far right does not widen it).
          const hasValue = c.formula || v !== undefined || hasInline;
          if (!hasValue && style === 0) break;
          const last = Math.max(rowLast.get(row) ?? 0, col);
          rowLast.set(row, last);
          if (hasValue) valued.add(row);
          if (valued.has(row) && last > maxCol) maxCol = last;
          if (hasValue) over();
          // Empty text is what padding gives anyway: a styled empty cell costs nothing.
          if (c.text !== '' || cells[col - 1] !== undefined) cells[col - 1] = c.text;
          if (c.formula) {
            let s = formulaAt.get(row);
            if (s === undefined) formulaAt.set(row, (s = new Set()));
            s.add(col);
          } else formulaAt.get(row)?.delete(col);
          break;
        }
        default:
          break;
      }
    },
  });
  // The exact width: rows holding a value, and every row of a merge (its cells other than the master are values).
  const mergeRight = new Map<number, number>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) if (r !== m.top || m.right > m.left) mergeRight.set(r, Math.max(mergeRight.get(r) ?? 0, m.right));
  maxCol = 0;
  for (const r of valued) maxCol = Math.max(maxCol, rowLast.get(r) ?? 0);
  for (const [r, right] of mergeRight) maxCol = Math.max(maxCol, right, rowLast.get(r) ?? 0);
  over();
  // Merged cells read as their master (top-left) cell, formula flag included, as exceljs reads them.
  for (const m of merges) {
    const master = sparse.get(m.top)?.[m.left - 1] ?? '';
    const isFormula = formulaAt.get(m.top)?.has(m.left) === true;
    for (let r = m.top; r <= m.bottom; r++) {
      let line = sparse.get(r);
      if (line === undefined) sparse.set(r, (line = []));
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        line[c - 1] = master;
        let s = formulaAt.get(r);
        if (isFormula) {
          if (s === undefined) formulaAt.set(r, (s = new Set()));
          s.add(c);
        } else s?.delete(c);
      }
    }
  }
  let formulas = 0;
  for (const s of formulaAt.values()) formulas += s.size;
  const rows: RawRow[] = new Array<RawRow>(maxRow);
  for (let r = 1; r <= maxRow; r++) {
    const got = sparse.get(r);
    sparse.delete(r);
    const line = new Array<string>(maxCol);
    for (let c = 0; c < maxCol; c++) line[c] = got?.[c] ?? '';
    rows[r - 1] = { row: r, cells: line };
  }
  return { name, rows, warnings: formulas > 0 ? [{ code: 'formula-result-used' as const, count: formulas }] : [] };
}

/**
 * Read the worksheets of an XLSX workbook as a stream: each sheet's XML is inflated chunk by chunk and parsed with
 * saxes (an evented XML parser), row by row, so the workbook is never materialised as an object model (exceljs's
 * `Workbook.load` held about 1.2 GB for a 1.9 million-cell sheet). Cell text is what exceljs gave before:
 * merged cells read as their master cell's value (so a header merged over two rows, or a 省份 merged down a block,
 * fills each cell); formula cells give their cached result, never the formula; dates (numbers under a date format)
 * become YYYY-MM-DD; rich text is joined; each sheet is padded to its width, rows from 1.
 *
 * Bounded: before any sheet is read, every sheet's declared dimension is checked against `maxCells` and every part's
 * unzipped size against `maxUnzippedBytes` (see `checkXlsxBounds`); while a sheet is read, its real extent is checked
 * again (a sheet without a dimension, or one that understates it). With `choice`, only the best sheet so far keeps its
 * rows (the others keep a summary), so memory holds at most two sheets' cells at a time.
 *
 * @throws {XlsxBoundsError} naming the sheet, when a limit is passed
 */
export async function readXlsx(bytes: Uint8Array, limits: XlsxLimits = { maxCells: 2_000_000, maxUnzippedBytes: 256 * 1024 * 1024 }, choice?: SheetChoice): Promise<RawSheet[]> {
  await checkXlsxBounds(bytes, limits);
  const byName = new Map(zipEntries(bytes).map((e) => [e.name, e]));
  const { sheets, date1904 } = await workbookSheets(bytes, byName);
  const ctx: Context = {
    strings: await sharedStrings(bytes, byName.get('xl/sharedStrings.xml')),
    dates: await dateStyles(bytes, byName.get('xl/styles.xml')),
    date1904,
    maxCells: limits.maxCells,
  };
  const out: RawSheet[] = [];
  let best: { at: number; summary: SheetSummary } | undefined;
  for (const [index, s] of sheets.entries()) {
    const sheet = await readSheet(bytes, s.name, s.part, ctx);
    if (choice === undefined) {
      out.push(sheet);
      continue;
    }
    const summary = choice.summarize(sheet);
    // The kept sheet is the one selectTable would pick: most rows under a header, the earlier one on a tie.
    if (choice.wanted(s.name, index) && summary.candidate && (best === undefined || summary.rows > best.summary.rows)) {
      if (best !== undefined) out[best.at] = { name: sheets[best.at]!.name, rows: [], warnings: out[best.at]!.warnings, summary: best.summary };
      best = { at: out.length, summary };
      out.push(sheet);
    } else out.push({ name: s.name, rows: [], warnings: sheet.warnings, summary });
  }
  return out;
}
