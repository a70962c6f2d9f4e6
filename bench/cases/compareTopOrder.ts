import { round } from '../harness/stats.js';

/**
 * How far an approximate order is from a reference one over the reference's top k: the share of the top
 * k found in the approximate top k, the mean and largest rank displacement of the reference top k, and
 * Kendall's tau-a between both rankings of the reference top k (1 = same order).
 *
 * @param reference - ids in reference order (e.g. exact betweenness)
 * @param approx - the same ids in the approximate order
 * @param k - how many leading items to compare
 * @returns overlap, meanDisplacement, maxDisplacement, kendallTau
 * @example
 * compareTopOrder(['a', 'b', 'c'], ['b', 'a', 'c'], 2); // { overlap: 1, meanDisplacement: 1, maxDisplacement: 1, kendallTau: -1 }
 */
export function compareTopOrder(reference: readonly string[], approx: readonly string[], k: number): { overlap: number; meanDisplacement: number; maxDisplacement: number; kendallTau: number } {
  const top = reference.slice(0, k);
  const rankIn = new Map(approx.map((id, i) => [id, i]));
  const topApprox = new Set(approx.slice(0, k));
  const overlap = top.filter((id) => topApprox.has(id)).length / Math.max(1, top.length);
  const displacement = top.map((id, i) => Math.abs((rankIn.get(id) ?? approx.length) - i));
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const d = (rankIn.get(top[j]!) ?? approx.length) - (rankIn.get(top[i]!) ?? approx.length);
      if (d > 0) concordant++;
      else if (d < 0) discordant++;
    }
  }
  const pairs = (top.length * (top.length - 1)) / 2;
  return {
    overlap: round(overlap),
    meanDisplacement: round(displacement.reduce((a, b) => a + b, 0) / Math.max(1, displacement.length)),
    maxDisplacement: Math.max(0, ...displacement),
    kendallTau: pairs === 0 ? 1 : round((concordant - discordant) / pairs),
  };
}
