import type { ColumnPlan } from './planColumns.js';
import type { ImportField } from './types.js';

/** Fields whose columns are all read and joined (several 产品 or 行业 columns); the others take one column. */
const MULTI: ReadonlySet<ImportField> = new Set(['aliases', 'products', 'businessScope', 'industryCode', 'lists', 'segments', 'note', 'gbIndustry', 'swIndustry', 'csrcIndustry']);

/** Which column(s) feed each field. */
export interface FieldColumns {
  readonly single: ReadonlyMap<ImportField, ColumnPlan>;
  readonly multi: ReadonlyMap<ImportField, readonly ColumnPlan[]>;
  /** 'field: header used (other headers)' for fields given by several columns where one is used. */
  readonly duplicates: readonly string[];
}

/**
 * Assign columns to fields. For a single-valued field given by several columns the one with the latest
 * year in its header wins ('2023年营业收入' over '2022年营业收入'), else the first.
 */
export function fieldColumns(plans: readonly ColumnPlan[]): FieldColumns {
  const single = new Map<ImportField, ColumnPlan>();
  const multi = new Map<ImportField, ColumnPlan[]>();
  const extra = new Map<ImportField, ColumnPlan[]>();
  for (const p of plans) {
    if (p.field === 'unknown' || p.field === 'ignore') continue;
    if (MULTI.has(p.field)) {
      multi.set(p.field, [...(multi.get(p.field) ?? []), p]);
      continue;
    }
    const prev = single.get(p.field);
    if (prev === undefined) {
      single.set(p.field, p);
      continue;
    }
    const later = (p.year ?? -Infinity) > (prev.year ?? -Infinity);
    if (later) single.set(p.field, p);
    extra.set(p.field, [...(extra.get(p.field) ?? []), later ? prev : p]);
  }
  const duplicates = [...extra].map(([f, others]) => `${f}: ${single.get(f)!.header} (${others.map((o) => o.header).join(', ')})`);
  return { single, multi, duplicates };
}
