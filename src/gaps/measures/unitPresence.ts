import type { GapUnit } from '../context.js';

/**
 * Mean presence of each unit (sub-direction, industry or group): Σ p over its segments / their
 * number, in [0, 1]. A unit below the `buildUnit` threshold is "near-empty" (建链).
 *
 * @param units - the units of a gap context
 * @param p - presence by segment index
 * @returns mean presence by unit index (0 for an empty unit)
 * @example
 * unitPresence(ctx.units, presenceArray)[ctx.chainUnit[i]!];
 */
export function unitPresence(units: readonly GapUnit[], p: Float64Array): Float64Array {
  const out = new Float64Array(units.length);
  units.forEach((u, k) => {
    let sum = 0;
    for (const i of u.members) sum += p[i]!;
    out[k] = u.members.length > 0 ? sum / u.members.length : 0;
  });
  return out;
}
