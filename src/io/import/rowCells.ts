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

/** Build the accessors; each cell is normalised at most once, each formula noted at most once. */
export function rowCells(cells: readonly string[], columns: FieldColumns, notes: { code: ImportWarningCode; value?: string }[]): RowCells {
  const normalized = new Map<number, string>();
  const at = (i: number): string => {
    let v = normalized.get(i);
    if (v === undefined) normalized.set(i, (v = normalizeText(cells[i] ?? '')));
    return v;
  };
  const cell = (f: ImportField): { text: string; header: string } | undefined => {
    const p = columns.single.get(f);
    if (p !== undefined) {
      const text = at(p.index);
      return text.length > 0 ? { text, header: p.header } : undefined;
    }
    const ps = columns.multi.get(f) ?? [];
    const parts = ps.map((q) => at(q.index)).filter((t) => t.length > 0);
    return parts.length > 0 ? { text: parts.join('；'), header: ps.map((q) => q.header).join('+') } : undefined;
  };
  const texts = new Map<ImportField, string | undefined>();
  const text = (f: ImportField): string | undefined => {
    if (texts.has(f)) return texts.get(f);
    const c = cell(f);
    let v = c?.text;
    if (c !== undefined && isFormula(c.text)) {
      notes.push({ code: 'formula-ignored', value: c.text });
      v = undefined;
    }
    texts.set(f, v);
    return v;
  };
  return { cell, text };
}
