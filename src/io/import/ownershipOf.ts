import type { Ownership } from '../../schema/company.js';

// Order matters: joint ventures before foreign, central before any state ownership.
const RULES: readonly (readonly [RegExp, Ownership])[] = [
  [/中央|央企|国务院国资委|central/i, 'central-soe'],
  [/混合所有制|混改|公众企业|集体|合资|合作|mixed|joint/i, 'mixed'],
  [/外商独资|外国|外资|台港澳|港澳台|外商投资|foreign/i, 'foreign'],
  [/地方国|省属|市属|区属|县属|国有|国企|国资|\bstate\b|\bsoe\b/i, 'local-soe'],
  [/民营|私营|自然人|个人独资|个体|民企|private/i, 'private'],
];

/**
 * Ownership (所有制) from a 企业类型 / 企业性质 cell: 中央国企 → central-soe, 地方国企 / 国有独资 → local-soe,
 * 外商独资 → foreign, 中外合资 / 公众企业 / 集体 → mixed, 民营 / 自然人投资或控股 → private.
 *
 * @returns the ownership, or undefined when the cell does not say (e.g. '股份有限公司(上市)')
 */
export function ownershipOf(text: string): Ownership | undefined {
  const t = text.normalize('NFKC').trim();
  if (t.length === 0) return undefined;
  const exact = /^(central-soe|local-soe|private|foreign|mixed)$/.exec(t);
  if (exact) return exact[1] as Ownership;
  return RULES.find(([re]) => re.test(t))?.[1];
}
