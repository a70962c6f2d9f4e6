import * as z from 'zod';
import { Id, IndustryCodeFields, Text } from './common.js';
import { OptionalProvenance } from './provenance.js';

/** A sub-direction (细分方向) of an industry. `reconstructed: true` marks one not found in a published list. */
export const SubDirection = z.object({
  id: Id,
  name: Text,
  nameEn: Text,
  reconstructed: z.boolean().optional(),
  /** Marks a strategic sub-direction inside a non-strategic industry (issue 14: 建链 candidates); segments may override. */
  strategic: z.boolean().optional(),
  note: z.string().optional(),
});
export type SubDirection = z.infer<typeof SubDirection>;

/**
 * An industry (产业 / 重点产业链), e.g. 有色金属. `group` is the city's grouping (e.g. "四大支柱");
 * `strategic` marks strategic emerging or future industries (the 建链 candidates).
 * `industryCodes` (GB/T 4754-2017, 2–4 digits) cover the industry as a whole: its segments' codes and
 * the parents that belong to it, so a firm can be placed in the industry even when no segment fits;
 * `excludeCodes` are codes under an included one that belong elsewhere.
 *
 * @example
 * Industry.parse({ id: 'nonferrous', name: '有色金属', nameEn: 'Non-ferrous metals', group: '四大支柱', subDirections: [],
 *   industryCodes: ['09', '32'] });
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
  /** GB/T 4754-2017 codes (2–4 digits) of the firms that belong to this industry, e.g. `['09', '32']` for 有色金属. */
  industryCodes: IndustryCodeFields.industryCodes,
  /** Codes under one of `industryCodes` whose firms belong elsewhere, e.g. `['3451']` (bearings) under `['34']`. */
  excludeCodes: IndustryCodeFields.excludeCodes,
  subDirections: z.array(SubDirection),
  ...OptionalProvenance.shape,
});
export type Industry = z.infer<typeof Industry>;
