import { haversineKm } from '../../stats/haversineKm.js';

/** A city to visit with how many companies there. */
export interface CityStop {
  readonly key: string;
  readonly lon: number;
  readonly lat: number;
  readonly count: number;
}

/** Days of a trip: the indices (into the input) of each day's cities in visiting order, and the leg lengths. */
export interface PackedDays {
  readonly days: readonly (readonly number[])[];
  /** km from the previous stop (the home city for the first) to each stop, by input index. */
  readonly legKm: ReadonlyMap<number, number>;
  /** Km back home from the last stop. */
  readonly returnKm: number;
}

/**
 * Order the cities by a nearest-neighbour tour from home (haversine distance; ties by key), then cut the
 * tour into days of at most `citiesPerDay` cities and `maxPerDay` companies. Returns null when a single
 * city has more companies than `maxPerDay`. Deterministic.
 */
export function packDays(stops: readonly CityStop[], home: { readonly lon: number; readonly lat: number }, citiesPerDay: number, maxPerDay: number): PackedDays | null {
  if (stops.some((s) => s.count > maxPerDay)) return null;
  const left = new Set(stops.map((_, i) => i));
  const legKm = new Map<number, number>();
  const tour: number[] = [];
  let at = home;
  while (left.size > 0) {
    let best = -1;
    let bestKm = Number.POSITIVE_INFINITY;
    for (const i of left) {
      const s = stops[i]!;
      const km = haversineKm(at.lon, at.lat, s.lon, s.lat);
      if (km < bestKm || (km === bestKm && best >= 0 && s.key < stops[best]!.key)) {
        best = i;
        bestKm = km;
      }
    }
    left.delete(best);
    tour.push(best);
    legKm.set(best, bestKm);
    at = stops[best]!;
  }
  const days: number[][] = [];
  let day: number[] = [];
  let count = 0;
  for (const i of tour) {
    const c = stops[i]!.count;
    if (day.length > 0 && (day.length >= citiesPerDay || count + c > maxPerDay)) {
      days.push(day);
      day = [];
      count = 0;
    }
    day.push(i);
    count += c;
  }
  if (day.length > 0) days.push(day);
  const returnKm = tour.length > 0 ? haversineKm(at.lon, at.lat, home.lon, home.lat) : 0;
  return { days, legKm, returnKm };
}
