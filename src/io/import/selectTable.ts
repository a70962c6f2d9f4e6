import { normalizeText } from '../../match/normalizeText.js';
import { isBlankRow } from './cellRules.js';
import { importFailed } from './importFailed.js';
import type { ResolvedImportOptions } from './importOptions.js';
import { planColumns, type ColumnPlan } from './planColumns.js';
import type { RawRow, RawSheet, RawWarning } from './rawTable.js';

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
  let best: { k: number; plans: ColumnPlan[]; s: number } | undefined;
  for (let k = 0; k < Math.min(HEADER_SCAN, sheet.rows.length); k++) {
    if (isBlankRow(sheet.rows[k]!.cells)) continue;
    const plans = plansAt(sheet.rows, k, o);
    const s = score(plans);
    if (s > 0 && (best === undefined || s > best.s)) best = { k, plans, s };
  }
  return best;
}

/**
 * Pick the sheet (the one asked for, else the first with a company-name column), find its header row
 * among the first 20 rows (the row naming the most known fields, with a name column), and return the
 * data rows below it, without trailing blank rows. Title rows above the header and trailing blank rows are reported.
 *
 * @throws {ChainTargetingError} IMPORT_FAILED when no sheet has a company-name column
 */
export function selectTable(sheets: readonly RawSheet[], o: ResolvedImportOptions): SelectedTable {
  const wanted = o.sheet === undefined ? sheets : sheets.filter((s, i) => (typeof o.sheet === 'number' ? i + 1 === o.sheet : s.name === o.sheet));
  if (wanted.length === 0) {
    throw importFailed(`no sheet ${JSON.stringify(o.sheet)}; sheets: ${sheets.map((s) => s.name).join(', ')}`, `没有工作表 ${JSON.stringify(o.sheet)}；现有：${sheets.map((s) => s.name).join('、')}`);
  }
  for (const sheet of wanted) {
    const found = detect(sheet, o);
    if (found === undefined) continue;
    const body = sheet.rows.slice(found.k + 1);
    // Blank rows after the last data row are a spreadsheet artefact; records given as JSON or rows all count.
    let end = body.length;
    while (sheet.headers === undefined && end > 0 && isBlankRow(body[end - 1]!.cells)) end--;
    const warnings: RawWarning[] = [...sheet.warnings];
    const titles = sheet.rows.slice(0, Math.max(0, found.k)).filter((r) => !isBlankRow(r.cells)).length;
    if (titles > 0) warnings.push({ code: 'title-rows-skipped', count: titles });
    if (end < body.length && body.length - end > 0) warnings.push({ code: 'trailing-empty-rows', count: body.length - end });
    const others = sheets.filter((s) => s !== sheet && s.rows.some((r) => !isBlankRow(r.cells))).map((s) => s.name ?? '');
    if (others.length > 0) warnings.push({ code: 'other-sheets', value: sheet.name ?? '', detail: others.join(', ') });
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
