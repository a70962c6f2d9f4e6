import * as z from 'zod';
import { UsageError } from '../../errors.js';
import { TagOptionsSchema } from '../../match/createKeywordTagger.js';
import { PlacerOptionsSchema } from '../../match/placement/createPlacer.js';
import { defaultConcordances } from '../../match/placement/defaultConcordances.js';
import type { LabelConcordance } from '../../match/placement/labelCodes.js';
import { Confidence, GbIndustryCode, PartialDate } from '../../schema/common.js';
import { IndustryLabel } from '../../schema/company.js';
import type { Dataset } from '../../schema/dataset.js';
import { DEFAULT_EXCHANGE_RATES } from './parseAmount.js';
import { parseUnit } from './parseUnit.js';
import { HeaderMappingSchema } from './planColumns.js';

const isDataset = (v: unknown): v is Dataset =>
  typeof v === 'object' && v !== null && ['segments', 'cities', 'companies', 'industries'].every((k) => Array.isArray((v as Record<string, unknown>)[k])) && typeof (v as { meta?: unknown }).meta === 'object';

/** Options of `importCompanies`. */
export const ImportOptionsSchema = z.object({
  /** File format; by default from the file name, else from the bytes. */
  format: z.enum(['csv', 'xlsx', 'json']).optional(),
  /** Name used in provenance (`import:<fileName> row N`); defaults to the path's base name, or 'rows' / 'buffer'. */
  fileName: z.string().min(1).optional(),
  /** Force a text encoding (iconv-lite name, e.g. 'gbk'); by default detected. */
  encoding: z.string().min(1).optional(),
  /** Worksheet name or 1-based number; by default the first sheet with a company-name column. */
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  /** Header mapping (overrides the built-in one). */
  mapping: HeaderMappingSchema.default({}),
  /** A validated dataset: cities normalise HQs, segments tag companies, companies are merged into. */
  dataset: z.custom<Dataset>(isDataset, 'dataset: a Dataset from loadDataset()/liaocheng()').optional(),
  /** The `asOf` of imported records; defaults to the dataset's asOf. One of the two is required (no clock is read). */
  asOf: PartialDate.optional(),
  /** Confidence of imported records. */
  confidence: Confidence.default('medium'),
  /** Unit of bare numbers in amount columns without a unit in the header or mapping. */
  defaultUnit: z.string().default('万元'),
  /** CNY per unit of foreign currency. */
  exchangeRates: z.object({ USD: z.number().positive(), HKD: z.number().positive(), EUR: z.number().positive() }).default({ ...DEFAULT_EXCHANGE_RATES }),
  /** Year of revenue figures when the header does not say ('2023年营业收入'). */
  revenueYear: z.number().int().min(1950).max(2100).optional(),
  /**
   * A bad optional cell (an unreadable, negative or absurd amount): drop the value with a row warning and keep the
   * company (default), or reject the row.
   */
  invalidValues: z.enum(['reject', 'warn']).default('warn'),
  /** Merge duplicates within the file and into the dataset's companies. */
  dedupe: z.boolean().default(true),
  /** Tag companies without segments from their products, scope, industry and name. */
  tag: z.boolean().default(true),
  /** Options of tagging. */
  tagOptions: TagOptionsSchema.optional(),
  /** Thresholds of placement (挂链, see `createPlacer`); the defaults are the measured ones (eval/placement/README.md). */
  placementOptions: PlacerOptionsSchema.omit({ tagOptions: true }).partial().optional(),
  /** Vendor classifications (申万, 证监会, vendor labels) mapped to GB/T 4754-2017 codes; defaults to the shipped ones. */
  concordances: z
    .array(
      z.object({
        scheme: IndustryLabel.shape.scheme,
        entries: z.array(z.object({ label: z.string().min(1), code: z.string().optional(), level: z.number().int().min(1).max(4).optional(), gb: z.array(GbIndustryCode) })),
      }),
    )
    .readonly()
    .optional(),
  /** Largest file read, in bytes. */
  maxBytes: z.number().int().positive().default(256 * 1024 * 1024),
  /** Most cells (rows × columns) of a sheet, CSV or JSON file; a workbook is checked before it is loaded (declared size), then while it is read; a CSV while it is parsed. */
  maxCells: z.number().int().positive().default(2_000_000),
  /** Most bytes an XLSX workbook may unzip to (all parts, shared strings included); counted before it is loaded. */
  maxUnzippedBytes: z.number().int().positive().default(256 * 1024 * 1024),
});
export type ImportOptions = z.input<typeof ImportOptionsSchema>;
export type ResolvedImportOptions = Omit<z.output<typeof ImportOptionsSchema>, 'concordances'> & { readonly asOf: string; readonly concordances: readonly LabelConcordance[] };

/** Validate options at the boundary; `asOf` must come from the options or the dataset. */
export function resolveImportOptions(options: ImportOptions | undefined): ResolvedImportOptions {
  const r = ImportOptionsSchema.safeParse(options ?? {});
  const fail = (details: string[]): never => {
    throw new UsageError(`importCompanies: invalid options: ${details.join('; ')}`, `importCompanies：选项无效：${details.join('；')}`, details, 'OPTIONS_INVALID');
  };
  if (!r.success) return fail(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const o = r.data;
  const asOf = o.asOf ?? o.dataset?.meta.asOf;
  if (asOf === undefined) return fail(['asOf: give asOf (YYYY, YYYY-MM or YYYY-MM-DD) or a dataset / 请提供 asOf 或数据集']);
  if (parseUnit(o.defaultUnit) === undefined) fail([`defaultUnit: not a unit "${o.defaultUnit}" (e.g. 万元, 元, 亿元)`]);
  for (const [h, v] of Object.entries(o.mapping)) {
    if (typeof v !== 'string' && v.unit !== undefined && parseUnit(v.unit) === undefined) fail([`mapping.${h}.unit: not a unit "${v.unit}"`]);
  }
  return { ...o, asOf, concordances: o.concordances ?? defaultConcordances() };
}
