/**
 * Herfindahl–Hirschman index of the local firms on a segment: Σ sᵢ² over revenue shares sᵢ
 * (Herfindahl 1950; Hirschman 1945), in (0, 1]. 1 = one firm carries the segment (fragile); n equal
 * firms give 1/n. Firms without revenue count as equal shares when no firm has revenue.
 *
 * @param revenues - revenue of each local firm on the segment, ≥ 0
 * @returns the HHI, or null when there is no firm
 * @example
 * herfindahl([30, 10]); // 0.625
 */
export function herfindahl(revenues: readonly number[]): number | null {
  if (revenues.length === 0) return null;
  const total = revenues.reduce((t, r) => t + r, 0);
  if (!(total > 0)) return 1 / revenues.length;
  return revenues.reduce((h, r) => h + (r / total) ** 2, 0);
}
