import * as z from 'zod';
import { Id, Text } from './common.js';
import { Provenance } from './provenance.js';

/** Level of a park (载体): national, provincial, municipal, county-run, or `other` (a carrier that is not a development zone: a land port, a market). Omit it when no source states it. */
export const ParkLevel = z.enum(['national', 'provincial', 'municipal', 'county', 'other']);
export type ParkLevel = z.infer<typeof ParkLevel>;

/**
 * An industrial park or other investment carrier (载体) of the city (optional file `parks.json`, issue 18).
 * `county` names a county-level unit of `cities.json`; `industries` and `segments` are what the park hosts or
 * seeks, as its sources say (ids of `industries.json` / `segments.json`); `facts` are short sourced statements
 * (area, rail spur, land …) in the dataset's language.
 *
 * @example
 * Park.parse({ id: 'guanzhou-land-port', name: '冠州国际陆港', county: '冠县',
 *   facts: ['约3000亩，有铁路专用线'], source: '645130.com 2024-12-04', confidence: 'medium', asOf: '2024-12' });
 */
export const Park = z.object({
  id: Id,
  name: Text,
  nameEn: z.string().optional(),
  county: Text,
  level: ParkLevel.optional(),
  industries: z.array(Id).optional(),
  segments: z.array(Id).optional(),
  facts: z.array(Text).optional(),
  factsEn: z.array(Text).optional(),
  url: z.string().optional(),
  note: z.string().optional(),
  ...Provenance.shape,
});
export type Park = z.infer<typeof Park>;
