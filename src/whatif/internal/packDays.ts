import { haversineKm } from '../../stats/haversineKm.js';

/** A city to visit with how many companies there. */
export interface CityStop {
  readonly key: string;
  readonly lon: number;
  readonly lat: number;
  readonly count: number;
}

/** How a trip may be travelled: the stated speed model and the limits of one day. */
export interface TravelModel {
  /** Most km between two cities visited on the same day (one city or one tight cluster a day). */
  readonly clusterKm: number;
  /** A leg longer than this takes a day of its own (a travel day, counted in the plan's days). */
  readonly travelDayKm: number;
  /** Rail hours of a leg = `railOverheadHours` + km / `railKmPerHour` (stations, transfers, then high-speed rail). */
  readonly railKmPerHour: number;
  readonly railOverheadHours: number;
}

/** The default model: 150 km a day between visits, a leg over 800 km (≈ 4 h by rail) is a travel day, 250 km/h + 0.5 h. */
export const DEFAULT_TRAVEL: TravelModel = Object.freeze({ clusterKm: 150, travelDayKm: 800, railKmPerHour: 250, railOverheadHours: 0.5 });

/** Rail hours of a leg under the model (0 for a leg of 0 km). */
export function railHoursOf(km: number, t: TravelModel): number {
  return km <= 0 ? 0 : t.railOverheadHours + km / t.railKmPerHour;
}

/** Days of a trip: the indices (into the input) of each day's cities in visiting order, and the leg lengths. */
export interface PackedDays {
  readonly days: readonly (readonly number[])[];
  /** For each day, whether a travel day comes before it (its first leg is longer than `travelDayKm`). */
  readonly travelBefore: readonly boolean[];
  /** Days used in all: visit days plus travel days. */
  readonly daysUsed: number;
  /** km from the previous stop (the home city for the first) to each stop, by input index. */
  readonly legKm: ReadonlyMap<number, number>;
  /** Km back home from the last stop. */
  readonly returnKm: number;
}

/**
 * Order the cities by a nearest-neighbour tour from home (haversine distance; ties by key), then cut the
 * tour into days a person can travel: at most `citiesPerDay` cities and `maxPerDay` companies a day, and a new
 * day whenever the next city is more than `travel.clusterKm` from the previous one (each day stays in one city or
 * one tight cluster). A leg longer than `travel.travelDayKm` is preceded by a travel day. Returns null when a
 * single city has more companies than `maxPerDay`. Deterministic.
 */
export function packDays(
  stops: readonly CityStop[],
  home: { readonly lon: number; readonly lat: number },
  citiesPerDay: number,
  maxPerDay: number,
  travel: TravelModel = DEFAULT_TRAVEL,
): PackedDays | null {
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
    if (day.length > 0 && (day.length >= citiesPerDay || count + c > maxPerDay || legKm.get(i)! > travel.clusterKm)) {
      days.push(day);
      day = [];
      count = 0;
    }
    day.push(i);
    count += c;
  }
  if (day.length > 0) days.push(day);
  const travelBefore = days.map((d) => legKm.get(d[0]!)! > travel.travelDayKm);
  const returnKm = tour.length > 0 ? haversineKm(at.lon, at.lat, home.lon, home.lat) : 0;
  return { days, travelBefore, daysUsed: days.length + travelBefore.filter(Boolean).length, legKm, returnKm };
}
