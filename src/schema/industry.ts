import * as z from 'zod';
import { Id, Text } from './common.js';
import { OptionalProvenance } from './provenance.js';

/** A sub-direction (细分方向) of an industry. `reconstructed: true` marks one not found in a published list. */
export const SubDirection = z.object({
  id: Id,
  name: Text,
  nameEn: Text,
  reconstructed: z.boolean().optional(),
  note: z.string().optional(),
});
export type SubDirection = z.infer<typeof SubDirection>;

/**
 * An industry (产业 / 重点产业链), e.g. 有色金属. `group` is the city's grouping (e.g. "四大支柱");
 * `strategic` marks strategic emerging or future industries (the 建链 candidates).
 *
 * @example
 * Industry.parse({ id: 'nonferrous', name: '有色金属', nameEn: 'Non-ferrous metals', group: '四大支柱', subDirections: [] });
 */
export const Industry = z.object({
  id: Id,
  name: Text,
  nameEn: Text,
  group: z.string().optional(),
  groupEn: z.string().optional(),
  strategic: z.boolean().optional(),
  flagship: z.boolean().optional(),
  future: z.boolean().optional(),
  description: z.string().optional(),
  subDirections: z.array(SubDirection),
  ...OptionalProvenance.shape,
});
export type Industry = z.infer<typeof Industry>;
