import * as z from 'zod';
import { PartialDate } from '../schema/common.js';
import { WeightsSpec } from '../scoring/weightsSpec.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

/**
 * Options of `buildHandbook`; the schema is the single source of the type and the defaults.
 * - `lang`: language of the text (`zh` default, `en`).
 * - `date`: the date printed on the cover (YYYY, YYYY-MM or YYYY-MM-DD); default the dataset's `asOf`,
 *   never the clock, so the same inputs give the same bytes.
 * - `top`: targets per chapter (and city-wide) (default 10).
 * - `topGaps`: gaps listed city-wide in the overview (default 10).
 * - `industry`: one industry id → one chapter (the overview still lists every industry).
 * - `weights`, `method`: passed to `rankCompanies`.
 * - `maxExternal`: cross-industry neighbours drawn on each side of a chain map (default 6).
 * - `cardsPerIndustry`: key targets per chapter printed one per page with their full card (default 3; 0 = none).
 * - `mermaid`: Markdown chain maps as Mermaid flowcharts (default false: a compact table per chain, readable on paper).
 *
 * @example
 * HandbookOptions.parse({ lang: 'en' }).top; // 10
 */
export const HandbookOptions = z.strictObject({
  lang: z.enum(['zh', 'en']).default('zh'),
  date: PartialDate.optional(),
  top: z.number().int().positive().max(500).default(10),
  topGaps: z.number().int().positive().max(500).default(10),
  industry: z.string().min(1).optional(),
  weights: WeightsSpec.optional(),
  method: z.enum(['weighted', 'topsis']).optional(),
  maxExternal: z.number().int().nonnegative().max(50).default(6),
  cardsPerIndustry: z.number().int().nonnegative().max(50).default(3),
  mermaid: z.boolean().default(false),
});

/** Handbook options as a caller passes them (every field optional). */
export type HandbookOptionsInput = z.input<typeof HandbookOptions>;

/** Handbook options with the defaults filled in. */
export type ResolvedHandbookOptions = z.output<typeof HandbookOptions>;

/**
 * Validate handbook options and fill in the defaults.
 *
 * @param options - as passed by the caller
 * @returns the resolved options
 * @throws {UsageError} code `OPTIONS_INVALID` when an option is malformed
 * @example
 * resolveHandbookOptions({ top: 5 }).lang; // 'zh'
 */
export function resolveHandbookOptions(options: HandbookOptionsInput): ResolvedHandbookOptions {
  return parseOptionsOrThrow(HandbookOptions, options, { en: 'buildHandbook', zh: 'buildHandbook' });
}
