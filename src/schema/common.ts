import * as z from 'zod';

/**
 * A record id: lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 * Ids are stable keys for tools and scripts; names can change, ids should not.
 *
 * `constructor` and `prototype` are refused (`__proto__` already fails the pattern): ids are keys of JSON
 * objects such as `priorities.industries`, where the loader refuses these three keys as prototype-altering
 * (`forbidden-key`), so an industry called `constructor` could never be given a priority. Refusing them as
 * ids keeps both rules one rule, and no lookup table can meet `Object.prototype` through an id.
 *
 * @example
 * Id.parse('al-ingot'); // 'al-ingot'
 * Id.safeParse('constructor').success; // false
 */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'id: lowercase letters, digits, ".", "_" or "-" (小写字母、数字、"."、"_"、"-")')
  .regex(/^(?!(?:constructor|prototype)$)/, 'id: "constructor" and "prototype" are reserved; choose another id (保留字，不能用作 id)')
  .max(120);

/** A calendar date `YYYY-MM-DD`, or a month `YYYY-MM`, or a year `YYYY` when only that is known. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'date: YYYY, YYYY-MM or YYYY-MM-DD (日期格式)');

/** A non-empty, trimmed text. */
export const Text = z.string().trim().min(1);

/** How sure the compiler of a record is: high = a source states it directly; medium = partly sourced; low = inferred. */
export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;

/** Production stage of a chain segment (上游 / 中游 / 下游). */
export const Stage = z.enum(['upstream', 'midstream', 'downstream']);
export type Stage = z.infer<typeof Stage>;

/**
 * Revenue bands in 亿元 (100 million CNY), used when an exact revenue is not known.
 * `REVENUE_BANDS` gives each band's bounds and labels.
 */
export const RevenueBand = z.enum(['<1', '1-10', '10-50', '50-100', '100-500', '500-1000', '1000-5000', '>=5000']);
export type RevenueBand = z.infer<typeof RevenueBand>;

/** Bounds (亿元, min inclusive, max exclusive) and labels of each revenue band. */
export const REVENUE_BANDS: Readonly<Record<RevenueBand, { readonly min: number; readonly max: number; readonly zh: string; readonly en: string }>> =
  Object.freeze({
    '<1': { min: 0, max: 1, zh: '1亿元以下', en: 'under ¥0.1bn' },
    '1-10': { min: 1, max: 10, zh: '1–10亿元', en: '¥0.1–1bn' },
    '10-50': { min: 10, max: 50, zh: '10–50亿元', en: '¥1–5bn' },
    '50-100': { min: 50, max: 100, zh: '50–100亿元', en: '¥5–10bn' },
    '100-500': { min: 100, max: 500, zh: '100–500亿元', en: '¥10–50bn' },
    '500-1000': { min: 500, max: 1000, zh: '500–1000亿元', en: '¥50–100bn' },
    '1000-5000': { min: 1000, max: 5000, zh: '1000–5000亿元', en: '¥100–500bn' },
    '>=5000': { min: 5000, max: Number.POSITIVE_INFINITY, zh: '5000亿元以上', en: 'over ¥500bn' },
  });

/**
 * The largest plausible revenue of one company or enterprise, in 亿元 (10 万亿元: the largest firms in the
 * world report about half of it). A bigger number is a unit mistake (元 instead of 亿元) or hostile input; it
 * is refused so sums stay finite and no report prints "Infinity".
 */
export const MAX_REVENUE = 100_000;

/** Revenue in 亿元; a number that is an estimate must say so with `revenueEstimated: true`. */
export const RevenueFields = {
  revenue: z
    .number()
    .nonnegative('revenue must be ≥ 0 (营业收入不能为负)')
    .max(MAX_REVENUE, `revenue must be ≤ ${MAX_REVENUE} (亿元); check the unit (营业收入不超过 ${MAX_REVENUE} 亿元，请检查单位是否为亿元)`)
    .optional(),
  revenueBand: RevenueBand.optional(),
  revenueYear: z.number().int().min(1950).max(2100).optional(),
  revenueEstimated: z.boolean().optional(),
};

/**
 * A GB/T 4754-2017 (国民经济行业分类) code of a 大类 (2 digits), 中类 (3 digits) or 小类 (4 digits),
 * without the 门类 letter: `'32'`, `'325'`, `'3252'` (铝压延加工). A firm whose code starts with
 * one of these digits falls under it (`3252` lies under `325` and `32`).
 *
 * @example
 * GbIndustryCode.parse('3252'); // '3252'
 */
export const GbIndustryCode = z
  .string()
  .regex(/^\d{2,4}$/, 'GB/T 4754-2017 code: 2 to 4 digits, without the section letter (国民经济行业分类代码，2–4位数字，不带门类字母)');
export type GbIndustryCode = z.infer<typeof GbIndustryCode>;

/**
 * The industry codes of a segment or an industry. `industryCodes`: firms whose GB/T 4754-2017 code
 * falls under one of these belong here. `excludeCodes`: codes under an included one that do not.
 * Codes are facts of the standard; which ones belong is the dataset compiler's judgement.
 */
export const IndustryCodeFields = {
  industryCodes: z.array(GbIndustryCode).min(1).optional(),
  excludeCodes: z.array(GbIndustryCode).min(1).optional(),
};
