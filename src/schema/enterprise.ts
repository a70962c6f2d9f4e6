import * as z from 'zod';
import { Id, RevenueFields, Text } from './common.js';
import { FieldSources, Provenance } from './provenance.js';

/** Operating status of a local enterprise. */
export const EnterpriseStatus = z.enum(['operating', 'under-construction', 'closed']);
export type EnterpriseStatus = z.infer<typeof EnterpriseStatus>;

/**
 * A local enterprise (本地企业) already in the city, sitting on one or more segments.
 * `county` names a county-level unit in `cities.json`; `parent` is its parent group (free text),
 * `parentCompanyId` the same group when it is also in `companies.json`.
 *
 * @example
 * Enterprise.parse({ id: 'xinfa', name: '信发集团', segments: ['al-ingot'], county: '茌平区', revenueBand: '>=5000',
 *   source: 'lcrb content_13686', confidence: 'high', asOf: '2024' });
 */
export const Enterprise = z
  .object({
    id: Id,
    name: Text,
    nameEn: z.string().optional(),
    segments: z.array(Id).min(1),
    county: Text,
    park: z.string().optional(),
    parent: z.string().optional(),
    parentCompanyId: Id.optional(),
    ...RevenueFields,
    capacity: z.string().optional(),
    chainLeader: z.boolean().optional(),
    /**
     * How many firms the record stands for (default 1). A cluster record (e.g. 临清轴承产业集群) stands for many
     * firms: concentration (HHI) then treats its revenue as split equally among them.
     */
    firms: z.number().int().min(1).max(1_000_000, 'firms must be ≤ 1000000 (企业数不超过 100 万)').optional(),
    /**
     * Share of the enterprise's revenue on each of its segments, in (0, 1], summing to ≤ 1 (issue 14).
     * Segments not listed split the rest equally; when every segment is listed, the rest is revenue
     * off the chain. Without it a multi-segment firm's revenue is split equally (and reasons say so).
     */
    segmentShares: z.record(z.string(), z.number().positive().max(1)).optional(),
    status: EnterpriseStatus.optional(),
    listed: z.string().optional(),
    note: z.string().optional(),
    /** Per-field sources beside the record-level `source` (issue 17). */
    sources: FieldSources.optional(),
    ...Provenance.shape,
  })
  .refine((e) => e.revenue !== undefined || e.revenueBand !== undefined, {
    message: 'revenue or revenueBand is required (营业收入或收入区间至少填一项)',
    path: ['revenueBand'],
  })
  .refine((e) => e.segmentShares === undefined || Object.keys(e.segmentShares).every((k) => e.segments.includes(k)), {
    message: 'segmentShares may only name the enterprise\'s own segments (收入占比只能填写本企业所属环节)',
    path: ['segmentShares'],
  })
  .refine((e) => e.segmentShares === undefined || Object.values(e.segmentShares).reduce((t, x) => t + x, 0) <= 1 + 1e-9, {
    message: 'segmentShares must sum to at most 1 (各环节收入占比之和不超过 1)',
    path: ['segmentShares'],
  });
export type Enterprise = z.infer<typeof Enterprise>;
