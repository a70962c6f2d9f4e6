/**
 * Herfindahl–Hirschman index of the local firms on a segment: Σ sᵢ² over revenue shares sᵢ
 * (Herfindahl 1950; Hirschman 1945), in (0, 1]. 1 = one firm carries the segment (fragile); n equal
 * firms give 1/n. Firms without revenue count as equal shares when no firm has revenue.
 *
 * @param revenues - revenue of each local firm on the segment, ≥ 0
 * @param counts - how many firms each record stands for (cluster records); omitted = 1 each
 * @returns the HHI, or null when there is no firm
 * @example
 * herfindahl([30, 10]); // 0.625
 */
export function herfindahl(revenues: readonly number[], counts?: readonly number[]): number | null {
  if (counts !== undefined) return groupedHerfindahl(revenues, counts);
  if (revenues.length === 0) return null;
  const total = revenues.reduce((t, r) => t + r, 0);
  if (!(total > 0)) return 1 / revenues.length;
  return revenues.reduce((h, r) => h + (r / total) ** 2, 0);
}

/**
 * HHI when record i stands for counts[i] equal firms sharing revenues[i]:
 * Σᵢ counts[i]·(revenues[i]/counts[i]/total)² = Σᵢ (revenues[i]/total)²/counts[i].
 */
function groupedHerfindahl(revenues: readonly number[], counts: readonly number[]): number | null {
  if (revenues.length === 0) return null;
  const firms = counts.reduce((t, c) => t + c, 0);
  const total = revenues.reduce((t, r) => t + r, 0);
  if (!(total > 0)) return 1 / firms;
  return revenues.reduce((h, r, i) => h + (r / total) ** 2 / (counts[i] ?? 1), 0);
}
