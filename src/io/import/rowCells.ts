import { normalizeText } from '../../match/normalizeText.js';
import { isFormula } from './cellRules.js';
import type { FieldColumns } from './fieldColumns.js';
import type { ImportField, ImportWarningCode } from './types.js';

/** Cell accessors of one row, by field: `cell` as written (width-normalised), `text` without formulas. */
export interface RowCells {
  /** The field's cell (several columns joined with '；'), with its header; undefined when empty. */
  cell(field: ImportField): { readonly text: string; readonly header: string } | undefined;
  /** The field's text, or undefined when empty or a formula (noted once as formula-ignored). */
  text(field: ImportField): string | undefined;
}

type Notes = { code: ImportWarningCode; value?: string }[];

// A class rather than closures: one of these is made per imported row, and methods on a prototype cost
// nothing to create, where three fresh closures (and two Maps) per row showed up in 100,000-row imports.
class Cells implements RowCells {
  private readonly normalized: (string | undefined)[] = [];
  private texts: Map<ImportField, string | undefined> | undefined;

  constructor(
    private readonly cells: readonly string[],
    private readonly columns: FieldColumns,
    private readonly notes: Notes,
  ) {}

  private at(i: number): string {
    let v = this.normalized[i];
    if (v === undefined) this.normalized[i] = v = normalizeText(this.cells[i] ?? '');
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
    if (this.texts === undefined) this.texts = new Map();
    else if (this.texts.has(f)) return this.texts.get(f);
    const c = this.cell(f);
    let v = c?.text;
    if (c !== undefined && isFormula(c.text)) {
      this.notes.push({ code: 'formula-ignored', value: c.text });
      v = undefined;
    }
    this.texts.set(f, v);
    return v;
  }
}

/** Build the accessors; each cell is normalised at most once, each formula noted at most once. */
export function rowCells(cells: readonly string[], columns: FieldColumns, notes: Notes): RowCells {
  return new Cells(cells, columns, notes);
}
