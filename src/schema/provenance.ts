import * as z from 'zod';
import { Confidence, PartialDate, Text } from './common.js';

/**
 * Where a record comes from and how sure it is. Reused by every record that states facts.
 * `source` is a document, an address (without scheme is fine) or "general knowledge".
 *
 * @example
 * Provenance.parse({ source: 'lcrb.lcxw.cn content_13686', confidence: 'high', asOf: '2024-06' });
 */
export const Provenance = z.object({
  source: Text,
  confidence: Confidence,
  asOf: PartialDate,
});
export type Provenance = z.infer<typeof Provenance>;

/** The same fields, each optional: for taxonomy records (segments, links) where provenance is recommended. */
export const OptionalProvenance = Provenance.partial();

/**
 * The source of one field of a record (issue 17): which document supports `revenue`, `lists`, `ownership` …,
 * as of when and how surely. `estimate: true` marks a figure derived by a stated method (a conversion, a share
 * of a group figure, a band judged from size), never read off a document. `note` says how the value follows
 * from the source (exchange rate, fiscal year, the column read).
 *
 * @example
 * FieldSource.parse({ source: 'Fortune Global 500 2024 (fortune_global500_2022_2024_consistent.csv): BASF 74,487.2 百万美元', asOf: '2024-08', confidence: 'high' });
 */
export const FieldSource = z.object({
  source: Text,
  asOf: PartialDate,
  confidence: Confidence,
  estimate: z.boolean().optional(),
  note: z.string().optional(),
});
export type FieldSource = z.infer<typeof FieldSource>;

/**
 * Per-field sources beside a record's own `source`: field name (`revenue`, `revenueBand`, `lists`,
 * `lists.fortune-global-500`, `ownership`, `stockCode`, `hq` …) → its source. A field not named here rests on
 * the record-level `source`. Additive: a record without it is valid.
 *
 * @example
 * FieldSources.parse({ stockCode: { source: 'a_share_companies_merged.csv 000830.SZ', asOf: '2025-06', confidence: 'high' } });
 */
export const FieldSources = z.record(z.string().min(1).max(80), FieldSource);
export type FieldSources = z.infer<typeof FieldSources>;
