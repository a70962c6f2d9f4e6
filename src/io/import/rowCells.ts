import { normalizeText } from '../../match/normalizeText.js';
import { isFormula, isPlaceholder } from './cellRules.js';
import type { FieldColumns } from './fieldColumns.js';
import type { ImportField, ImportWarningCode } from './types.js';

/** Cell accessors of one row, by field: `cell` as written (width-normalised; placeholders such as '-' or 暂无 read as empty), `text` without formulas. */
export interface RowCells {
  /** The field's cell (several columns joined with '；'), with its header; undefined when empty. */
  cell(field: ImportField): { readonly text: string; readonly header: string } | undefined;
  /** The field's text, or undefined when empty or a formula (noted once as formula-ignored). */
  text(field: ImportField): string | undefined;
}

type Notes = { code: ImportWarningCode; value?: string }[];

// Every field (the type makes the list complete); its position is its slot in the per-row cache of `text`
// (an array per row is cheaper than a Map per row).
const FIELDS: Readonly<Record<ImportField, true>> = {
  id: true, name: true, nameEn: true, aliases: true, creditCode: true, founded: true, registeredCapital: true, province: true, city: true,
  county: true, address: true, industryCode: true, gbSection: true, gbDivision: true, gbGroup: true, gbClass: true, gbIndustry: true,
  swL1: true, swL2: true, swL3: true, swIndustry: true, csrcIndustry: true, businessScope: true, companyType: true, status: true, listed: true, stockCode: true,
  revenue: true, revenueYear: true, employees: true, products: true, lists: true, segments: true, website: true, note: true, ignore: true,
};
const SLOT = Object.fromEntries(Object.keys(FIELDS).map((f, i) => [f, i])) as Readonly<Record<ImportField, number>>;
const SLOTS = Object.keys(FIELDS).length;
/** Marks a field whose text is not read yet (undefined is a read, empty text). */
const UNREAD = null;

// A class rather than closures: one of these is made per imported row, and methods on a prototype cost
// nothing to create, where three fresh closures (and two Maps) per row showed up in 100,000-row imports.
class Cells implements RowCells {
  private readonly normalized: (string | undefined)[] = [];
  private texts: (string | undefined | typeof UNREAD)[] | undefined;

  constructor(
    private readonly cells: readonly string[],
    private readonly columns: FieldColumns,
    private readonly notes: Notes,
  ) {}

  private at(i: number): string {
    let v = this.normalized[i];
    if (v === undefined) {
      v = normalizeText(this.cells[i] ?? '');
      // '-', '暂无', 'null' …: no value, everywhere (a shared '-' must never become a credit code or a city).
      if (v.length > 0 && v.length <= 8 && isPlaceholder(v)) v = '';
      this.normalized[i] = v;
    }
    return v;
  }

  cell(f: ImportField): { text: string; header: string } | undefined {
    const p = this.columns.single.get(f);
    if (p !== undefined) {
      const text = this.at(p.index);
      return text.length > 0 ? { text, header: p.header } : undefined;
    }
    const ps = this.columns.multi.get(f);
    if (ps === undefined) return undefined;
    if (ps.length === 1) {
      const text = this.at(ps[0]!.index);
      return text.length > 0 ? { text, header: ps[0]!.header } : undefined;
    }
    const parts = ps.map((q) => this.at(q.index)).filter((t) => t.length > 0);
    return parts.length > 0 ? { text: parts.join('；'), header: ps.map((q) => q.header).join('+') } : undefined;
  }

  text(f: ImportField): string | undefined {
    const slot = SLOT[f];
    if (this.texts === undefined) this.texts = new Array<string | undefined | typeof UNREAD>(SLOTS).fill(UNREAD);
    else {
      const known = this.texts[slot];
      if (known !== UNREAD) return known;
    }
    const c = this.cell(f);
    let v = c?.text;
    if (c !== undefined && isFormula(c.text)) {
      this.notes.push({ code: 'formula-ignored', value: c.text });
      v = undefined;
    }
    this.texts[slot] = v;
    return v;
  }
}

/** Build the accessors; each cell is normalised at most once, each formula noted at most once. */
export function rowCells(cells: readonly string[], columns: FieldColumns, notes: Notes): RowCells {
  return new Cells(cells, columns, notes);
}
