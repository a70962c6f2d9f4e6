import * as z from 'zod';
import { toSimplified } from '../../match/toSimplified.js';
import type { AmountUnit } from './parseAmount.js';
import { parseUnit } from './parseUnit.js';
import { DEFAULT_HEADER_ALIASES, HEADER_CONTAINS } from './headerAliases.js';
import type { ImportField } from './types.js';

/** The field names a mapping may use. */
export const ImportFieldSchema = z.enum([
  'id', 'name', 'nameEn', 'aliases', 'creditCode', 'founded', 'registeredCapital', 'province', 'city', 'county', 'address', 'industryCode',
  'gbSection', 'gbDivision', 'gbGroup', 'gbClass', 'gbIndustry', 'swL1', 'swL2', 'swL3', 'swIndustry', 'csrcIndustry',
  'businessScope', 'companyType', 'status', 'listed', 'stockCode', 'revenue', 'revenueYear', 'employees', 'products', 'lists', 'segments',
  'website', 'note', 'ignore',
]);

/**
 * A header mapping: header as written → field, or `{ field, unit }` for amounts in a stated unit.
 * A mapping file may hold it directly or under `columns`.
 *
 * @example
 * { "fullname": "name", "reg_capital_10k_cny": { "field": "registeredCapital", "unit": "万元" } }
 */
export const HeaderMappingSchema = z.record(z.string(), z.union([ImportFieldSchema, z.object({ field: ImportFieldSchema, unit: z.string().optional() })]));
export type HeaderMapping = z.input<typeof HeaderMappingSchema>;

/** How one column is read. */
export interface ColumnPlan {
  readonly index: number;
  readonly header: string;
  readonly field: ImportField | 'unknown';
  readonly unit?: AmountUnit;
  readonly year?: number;
}

/** A header reduced for comparison (simplified characters, width, case), with a unit ('(万元)') and a year ('2023年') taken out of it. */
export function headerKey(header: string): { key: string; unit?: AmountUnit; year?: number } {
  // 繁体 headers (企業名稱, 營業收入) read as their simplified form.
  let h = toSimplified(header.normalize('NFKC')).trim().toLowerCase();
  let unit: AmountUnit | undefined;
  h = h.replace(/[([（【]([^)\]）】]*)[)\]）】]/g, (_, inner: string) => {
    unit ??= parseUnit(inner.replace(/^单位[:：]/, ''));
    return '';
  });
  let year: number | undefined;
  const y = /((?:19|20)\d{2})(?:年度|年)?/.exec(h);
  if (y !== null && h.replace(y[0], '').replace(/[\s_\-.]/g, '').length > 0) {
    year = Number(y[1]);
    h = h.replace(y[0], '');
  }
  let key = h.replace(/[\s_\-.:：/、*#'"]/g, '');
  const tail = /(万亿元|亿元|万元|千元|百万元|元|万美元|美元)$/.exec(key);
  if (tail !== null && key.length > tail[0].length) {
    unit ??= parseUnit(tail[0]);
    key = key.slice(0, -tail[0].length);
  }
  return { key, ...(unit !== undefined ? { unit } : {}), ...(year !== undefined ? { year } : {}) };
}

const ALIAS_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const m = new Map<string, ImportField>();
  for (const [field, aliases] of Object.entries(DEFAULT_HEADER_ALIASES) as [ImportField, readonly string[]][]) {
    for (const a of aliases) if (!m.has(headerKey(a).key)) m.set(headerKey(a).key, field);
  }
  return m;
})();

/**
 * Decide what each column means: the user mapping first (by exact header, then by reduced header),
 * then the built-in aliases, then headers containing a known word ('企业名称(点击查看)').
 */
export function planColumns(headers: readonly string[], mapping: z.output<typeof HeaderMappingSchema>): ColumnPlan[] {
  const user = new Map<string, { field: ImportField; unit?: string | undefined }>();
  for (const [h, v] of Object.entries(mapping)) {
    const spec = typeof v === 'string' ? { field: v } : v;
    user.set(h.trim(), spec);
    user.set(`\u0000${headerKey(h).key}`, spec);
  }
  return headers.map((header, index) => {
    const hk = headerKey(header);
    const spec = user.get(header.trim()) ?? user.get(`\u0000${hk.key}`);
    const base = { index, header, ...(hk.year !== undefined ? { year: hk.year } : {}) };
    if (spec !== undefined) {
      const unit = spec.unit !== undefined ? parseUnit(spec.unit) : hk.unit;
      return { ...base, field: spec.field, ...(unit !== undefined ? { unit } : {}) };
    }
    const unitPart = hk.unit !== undefined ? { unit: hk.unit } : {};
    if (hk.key.length === 0) return { ...base, field: 'unknown' as const };
    const exact = ALIAS_INDEX.get(hk.key);
    if (exact !== undefined) return { ...base, field: exact, ...unitPart };
    const contains = HEADER_CONTAINS.find(([word]) => hk.key.includes(word));
    return { ...base, field: contains ? contains[1] : ('unknown' as const), ...unitPart };
  });
}
