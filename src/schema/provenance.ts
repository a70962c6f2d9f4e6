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
