import { normalizeText } from '../../match/normalizeText.js';
import { isBlankRow } from './cellRules.js';
import { importFailed } from './importFailed.js';
import type { ResolvedImportOptions } from './importOptions.js';
import { planColumns, type ColumnPlan } from './planColumns.js';
import type { RawRow, RawSheet, RawWarning, SheetSummary } from './rawTable.js';

/** The sheet, header and data rows chosen for import. */
export interface SelectedTable {
  readonly sheet: RawSheet;
  /** Row number of the header (0 when the format names its columns). */
  readonly headerRow: number;
  readonly plans: readonly ColumnPlan[];
  readonly rows: readonly RawRow[];
  readonly warnings: readonly RawWarning[];
}

const HEADER_SCAN = 20;

/** Plans for row k; unknown cells retry with the cell above prepended (a header merged over two rows: 营业收入 / 2023年). */
function plansAt(rows: readonly RawRow[], k: number, o: ResolvedImportOptions): ColumnPlan[] {
  const headers = rows[k]!.cells.map((c) => normalizeText(c));
  const plans = planColumns(headers, o.mapping);
  if (k === 0) return plans;
  const above = rows[k - 1]!.cells.map((c) => normalizeText(c));
  return plans.map((p, i) => {
    const a = above[i] ?? '';
    if (p.field !== 'unknown' || a.length === 0 || a === p.header) return p;
    const combined = planColumns([`${a}${p.header}`], o.mapping)[0]!;
    return combined.field !== 'unknown' ? { ...combined, index: i } : p;
  });
}

const score = (plans: readonly ColumnPlan[]): number => (plans.some((p) => p.field === 'name') ? plans.filter((p) => p.field !== 'unknown').length : 0);

function detect(sheet: RawSheet, o: ResolvedImportOptions): { k: number; plans: ColumnPlan[] } | undefined {
  if (sheet.headers !== undefined) {
    const plans = planColumns(sheet.headers, o.mapping);
    return score(plans) > 0 ? { k: -1, plans } : undefined;
  }
  const found: { k: number; plans: ColumnPlan[]; s: number }[] = [];
  for (let k = 0; k < Math.min(HEADER_SCAN, sheet.rows.length); k++) {
    if (isBlankRow(sheet.rows[k]!.cells)) continue;
    const plans = plansAt(sheet.rows, k, o);
    const s = score(plans);
    if (s > 0) found.push({ k, plans, s });
  }
  if (found.length === 0) return undefined;
  // The first row that names most of what the best one names: a data row below the header that happens to hold
  // more header-like words (a company called 企业名称科技, a cell reading 省份) never pushes the header down.
  // A header over two rows (营业收入 / 2023年) scores best on its second row, right under the first: that one wins.
  const best = found.reduce((a, b) => (b.s > a.s ? b : a));
  const first = found.find((f) => f.s >= Math.min(best.s, Math.max(2, Math.ceil(best.s * 0.6))))!;
  return first.k === best.k - 1 ? best : first;
}

/** Non-blank rows under the header found at `k`. */
function rowsUnder(sheet: RawSheet, k: number): number {
  let n = 0;
  for (let i = k + 1; i < sheet.rows.length; i++) if (!isBlankRow(sheet.rows[i]!.cells)) n++;
  return n;
}

/** What `selectTable` needs of a sheet to rank it against the others, so a reader can let the sheet's rows go. */
export function summarizeSheet(sheet: RawSheet, o: ResolvedImportOptions): SheetSummary {
  const found = detect(sheet, o);
  return { candidate: found !== undefined, rows: found !== undefined ? rowsUnder(sheet, found.k) : 0, hasData: sheet.rows.some((r) => !isBlankRow(r.cells)) };
}

/**
 * Pick the sheet (the one asked for, else the one with a company-name column and the most rows under its header),
 * find its header row among the first 20 rows (the first row naming nearly as many known fields as the best one,
 * with a name column), and return the
 * data rows below it, without trailing blank rows. Title rows above the header and trailing blank rows are reported.
 *
 * @throws {ChainTargetingError} IMPORT_FAILED when no sheet has a company-name column
 */
export function selectTable(sheets: readonly RawSheet[], o: ResolvedImportOptions): SelectedTable {
  const wanted = o.sheet === undefined ? sheets : sheets.filter((s, i) => (typeof o.sheet === 'number' ? i + 1 === o.sheet : s.name === o.sheet));
  if (wanted.length === 0) {
    throw importFailed(`no sheet ${JSON.stringify(o.sheet)}; sheets: ${sheets.map((s) => s.name).join(', ')}`, `没有工作表 ${JSON.stringify(o.sheet)}；现有：${sheets.map((s) => s.name).join('、')}`);
  }
  // The sheet that looks most like the data: the most non-blank rows under a header with a name column
  // (a small summary sheet with a 名称 column loses to the data sheet beside it).
  // A sheet read and let go (`summary`) counts in the ranking and the warnings, but was never the best one.
  const candidates = wanted
    .flatMap((sheet, order): { sheet: RawSheet; order: number; found: ReturnType<typeof detect>; rows: number }[] => {
      if (sheet.summary !== undefined) return sheet.summary.candidate ? [{ sheet, order, found: undefined, rows: sheet.summary.rows }] : [];
      const found = detect(sheet, o);
      return found !== undefined ? [{ sheet, order, found, rows: rowsUnder(sheet, found.k) }] : [];
    })
    .sort((a, b) => b.rows - a.rows || a.order - b.order);
  for (const { sheet, found } of candidates.slice(0, 1)) {
    if (found === undefined) throw new Error(`internal: sheet "${sheet.name ?? ''}" was let go by the reader but ranks first`);
    const body = sheet.rows.slice(found.k + 1);
    // Blank rows after the last data row are a spreadsheet artefact; records given as JSON or rows all count.
    let end = body.length;
    while (sheet.headers === undefined && end > 0 && isBlankRow(body[end - 1]!.cells)) end--;
    const warnings: RawWarning[] = [...sheet.warnings];
    const titles = sheet.rows.slice(0, Math.max(0, found.k)).filter((r) => !isBlankRow(r.cells)).length;
    if (titles > 0) warnings.push({ code: 'title-rows-skipped', count: titles });
    if (end < body.length && body.length - end > 0) warnings.push({ code: 'trailing-empty-rows', count: body.length - end });
    const others = sheets.filter((s) => s !== sheet && (s.summary?.hasData ?? s.rows.some((r) => !isBlankRow(r.cells)))).map((s) => s.name ?? '');
    if (others.length > 0) warnings.push({ code: 'other-sheets', value: sheet.name ?? '', detail: others.join(', ') });
    if (candidates.length > 1) {
      warnings.push({ code: 'sheet-picked', value: sheet.name ?? '', detail: candidates.map((c) => `${c.sheet.name ?? ''}: ${c.rows}`).join(', ') + ' rows / 行（选行数最多的表；可用 --sheet 指定）' });
    }
    // A row with more non-empty cells than there are headers has shifted columns (an unquoted comma …).
    const width = found.plans.length;
    const rows = body.slice(0, end).map((r) =>
      r.malformed === undefined && r.cells.length > width && r.cells.slice(width).some((c) => c.trim().length > 0)
        ? { ...r, malformed: `${r.cells.length} cells for ${width} headers / ${r.cells.length} 个单元格，表头只有 ${width} 列` }
        : r,
    );
    return { sheet, headerRow: found.k < 0 ? 0 : sheet.rows[found.k]!.row, plans: found.plans, rows, warnings };
  }
  const first = wanted.flatMap((s) => s.headers ?? s.rows.find((r) => !isBlankRow(r.cells))?.cells ?? []).slice(0, 12).map((h) => normalizeText(h)).join(', ');
  throw importFailed(
    `no company-name column found (add a --mapping with a "name" column); first row: ${first}`,
    `未找到企业名称列（可用 --mapping 指定 "name" 列）；首行：${first}`,
  );
}
