import type { HomeCity } from '../../schema/datasetMeta.js';
import { packDays, type CityStop, type PackedDays, type TravelModel } from './packDays.js';
import type { PlanCandidate } from './planCandidates.js';

/** Limits of a visit plan. */
export interface PlanLimits {
  readonly k: number;
  readonly days: number;
  readonly citiesPerDay: number;
  readonly maxPerDay: number;
  readonly q: number;
  readonly home: HomeCity;
  readonly travel: TravelModel;
}

/** A selection: candidate indices in pick order, the gain each added, and the coverage. */
export interface Selection {
  readonly picked: readonly number[];
  readonly gains: readonly number[];
  readonly coverage: number;
}

/** The cities of a set of candidates with their company counts, in first-seen order. */
export function stopsOf(picked: readonly number[], pool: readonly PlanCandidate[]): { stops: CityStop[]; members: number[][] } {
  const at = new Map<string, number>();
  const stops: CityStop[] = [];
  const members: number[][] = [];
  for (const i of picked) {
    const c = pool[i]!;
    let k = at.get(c.placeKey);
    if (k === undefined) {
      k = stops.length;
      at.set(c.placeKey, k);
      stops.push({ key: c.placeKey, lon: c.place.lon, lat: c.place.lat, count: 0 });
      members.push([]);
    }
    stops[k] = { ...stops[k]!, count: stops[k]!.count + 1 };
    members[k]!.push(i);
  }
  return { stops, members };
}

/** The itinerary of a selection, or null when it does not fit the limits. */
export function pack(picked: readonly number[], pool: readonly PlanCandidate[], l: PlanLimits): PackedDays | null {
  const { stops } = stopsOf(picked, pool);
  if (stops.length > l.days * l.citiesPerDay) return null;
  const packed = packDays(stops, l.home, l.citiesPerDay, l.maxPerDay, l.travel);
  return packed !== null && packed.daysUsed <= l.days ? packed : null;
}

/** Weighted coverage Σ priority·(1 − miss) and the marginal gain of a candidate given the current misses. */
function gainOf(c: PlanCandidate, miss: Float64Array, priority: readonly number[], q: number): number {
  let g = 0;
  for (const k of c.gaps) g += priority[k]! * miss[k]! * q;
  return g;
}

function take(c: PlanCandidate, miss: Float64Array, q: number): void {
  for (const k of c.gaps) miss[k] = miss[k]! * (1 - q);
}

/**
 * Greedy maximisation of the coverage f(S) = Σ_g priority_g·(1 − Π_{c∈S∋g}(1 − q)): start from the
 * required companies, then repeatedly add the feasible candidate with the largest marginal gain (ties:
 * better rank). f is monotone submodular, so with the cardinality limit alone the greedy set reaches at
 * least (1 − 1/e) of the optimum (Nemhauser, Wolsey & Fisher 1978); city and day limits are checked as
 * feasibility on each addition.
 */
export function greedySelect(pool: readonly PlanCandidate[], required: readonly number[], priority: readonly number[], l: PlanLimits): Selection {
  return build(pool, required, priority, l, 'greedy');
}

/** The first K candidates in ranking order (required ones first) that fit the same limits. */
export function scoreOrderSelect(pool: readonly PlanCandidate[], required: readonly number[], priority: readonly number[], l: PlanLimits): Selection {
  return build(pool, required, priority, l, 'score');
}

function build(pool: readonly PlanCandidate[], required: readonly number[], priority: readonly number[], l: PlanLimits, mode: 'greedy' | 'score'): Selection {
  const miss = new Float64Array(priority.length).fill(1);
  const picked: number[] = [];
  const gains: number[] = [];
  const chosen = new Set<number>();
  const add = (i: number): void => {
    gains.push(gainOf(pool[i]!, miss, priority, l.q));
    take(pool[i]!, miss, l.q);
    picked.push(i);
    chosen.add(i);
  };
  required.forEach(add);
  while (picked.length < l.k) {
    const fits = new Map<string, boolean>();
    const feasible = (i: number): boolean => {
      const key = pool[i]!.placeKey;
      let ok = fits.get(key);
      if (ok === undefined) {
        ok = pack([...picked, i], pool, l) !== null;
        fits.set(key, ok);
      }
      return ok;
    };
    let best = -1;
    let bestGain = -1;
    for (let i = 0; i < pool.length; i++) {
      if (chosen.has(i)) continue;
      if (mode === 'score') {
        if (feasible(i)) {
          best = i;
          break;
        }
        continue;
      }
      const g = gainOf(pool[i]!, miss, priority, l.q);
      if (g > bestGain + 1e-12 && feasible(i)) {
        best = i;
        bestGain = g;
      }
    }
    if (best < 0) break;
    add(best);
  }
  const coverage = priority.reduce((t, p, k) => t + p * (1 - miss[k]!), 0);
  return { picked, gains, coverage };
}

/** Coverage when every candidate is visited (an upper bound for any selection). */
export function coverageOfAll(pool: readonly PlanCandidate[], priority: readonly number[], q: number): number {
  const miss = new Float64Array(priority.length).fill(1);
  for (const c of pool) take(c, miss, q);
  return priority.reduce((t, p, k) => t + p * (1 - miss[k]!), 0);
}
