import * as z from 'zod';
import { Id, PartialDate, Text } from './common.js';

/** A source document the dataset was compiled from. */
export const SourceRef = z.object({
  id: Id.optional(),
  title: Text,
  url: z.string().optional(),
  licence: z.string().optional(),
  note: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** The home city the dataset describes (the city doing the 招商). */
export const HomeCity = z.object({
  province: Text,
  city: Text,
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type HomeCity = z.infer<typeof HomeCity>;

/** City priorities: weights in [0, 1] by industry or segment id (used by policy fit and what-ifs). */
export const Priorities = z.object({
  industries: z.record(z.string(), z.number().min(0).max(1)).optional(),
  segments: z.record(z.string(), z.number().min(0).max(1)).optional(),
  regions: z.array(Text).optional(),
});
export type Priorities = z.infer<typeof Priorities>;

/**
 * `dataset.json`: what the dataset is, whose city, when, and from which sources.
 *
 * @example
 * DatasetMeta.parse({ id: 'demo', name: '示例', nameEn: 'Demo', home: { province: '山东省', city: '聊城市', lon: 115.98, lat: 36.46 },
 *   asOf: '2026-11', description: '…', sources: [{ title: 'liaocheng-facts.md' }] });
 */
export const DatasetMeta = z.object({
  id: Id,
  name: Text,
  nameEn: Text,
  home: HomeCity,
  asOf: PartialDate,
  description: Text,
  descriptionEn: z.string().optional(),
  version: z.string().optional(),
  sources: z.array(SourceRef).min(1),
  attributions: z.array(z.string()).optional(),
  priorities: Priorities.optional(),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;
