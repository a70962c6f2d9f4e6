import * as z from 'zod';
import { Text } from './common.js';
import { OptionalProvenance } from './provenance.js';

/** Administrative level of a place in `cities.json`. */
export const CityLevel = z.enum(['province', 'city', 'district', 'county', 'county-city', 'park', 'foreign']);
export type CityLevel = z.infer<typeof CityLevel>;

/**
 * A place: an HQ city or one of the home city's counties, with coordinates and region tags
 * (京津冀, 长三角, 粤港澳, 济南都市圈, 川渝, 高铁沿线 …). `railHours` is the fastest rail time to the home city.
 *
 * @example
 * City.parse({ name: '上海市', province: '上海市', lon: 121.47, lat: 31.23, regions: ['长三角'] });
 */
export const City = z.object({
  name: Text,
  nameEn: z.string().optional(),
  province: Text,
  country: z.string().optional(),
  level: CityLevel.optional(),
  parent: z.string().optional(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  regions: z.array(Text),
  railHours: z.number().positive().max(100).optional(),
  note: z.string().optional(),
  ...OptionalProvenance.shape,
});
export type City = z.infer<typeof City>;
