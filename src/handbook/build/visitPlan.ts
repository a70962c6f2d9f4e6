import { placeKey } from '../../dataset/checkReferences.js';
import { haversineKm } from '../../stats/haversineKm.js';
import type { HandbookChapter, TargetCard, VisitFirm, HandbookVisitPlan, VisitStop, VisitTrip } from '../types.js';
import { placeOf, round, type BuildContext } from './context.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Seen {
  card: TargetCard;
  industries: string[];
}

/**
 * The visit plan: every chapter's targets (each company once, with the industries it appears in and its
 * best score), grouped by HQ city. Stops by number of firms desc, then best score desc, then city name;
 * firms by score desc then id. Region counts: firms and cities per HQ region tag (`other` for none).
 */
export function visitPlan(chapters: readonly HandbookChapter[], ctx: BuildContext, other: string): HandbookVisitPlan {
  const seen = new Map<string, Seen>();
  for (const ch of chapters) {
    for (const card of ch.targets) {
      const s = seen.get(card.id);
      if (s === undefined) seen.set(card.id, { card, industries: [ch.industry.name] });
      else {
        s.industries.push(ch.industry.name);
        if (card.score > s.card.score) s.card = card;
      }
    }
  }
  const byCity = new Map<string, Seen[]>();
  for (const s of seen.values()) {
    const company = ctx.index.companyById.get(s.card.id);
    const key = placeKey(s.card.hq.province, s.card.hq.city, company?.hq.country);
    byCity.set(key, [...(byCity.get(key) ?? []), s]);
  }
  const home = ctx.index.dataset.meta.home;
  const stops: VisitStop[] = [...byCity.values()].map((list) => {
    const first = list[0]!.card;
    const company = ctx.index.companyById.get(first.id);
    const place = company ? placeOf(ctx, company.hq) : undefined;
    const firms: VisitFirm[] = list
      .map((s) => ({ id: s.card.id, name: s.card.name, industries: s.industries, score: s.card.score, approach: s.card.approach.label }))
      .sort((a, b) => b.score - a.score || byText(a.id, b.id));
    return {
      city: ctx.lang === 'en' && place?.nameEn !== undefined ? place.nameEn : first.hq.city,
      province: first.hq.province,
      regions: first.regions,
      distanceKm: place ? Math.round(haversineKm(home.lon, home.lat, place.lon, place.lat)) : null,
      railHours: place?.railHours !== undefined ? round(place.railHours, 1) : null,
      firms,
      ...(place ? { lon: place.lon, lat: place.lat } : {}),
    };
  });
  stops.sort((a, b) => b.firms.length - a.firms.length || b.firms[0]!.score - a.firms[0]!.score || byText(a.province + a.city, b.province + b.city));
  const regions = new Map<string, { firms: number; cities: Set<string> }>();
  for (const stop of stops) {
    for (const r of stop.regions.length > 0 ? stop.regions : [other]) {
      const e = regions.get(r) ?? { firms: 0, cities: new Set<string>() };
      e.firms += stop.firms.length;
      e.cities.add(`${stop.province}|${stop.city}`);
      regions.set(r, e);
    }
  }
  const homePlace = placeOf(ctx, { province: home.province, city: home.city });
  return {
    stops,
    trips: visitTrips(stops, home, other),
    home: { name: ctx.lang === 'en' && homePlace?.nameEn !== undefined ? homePlace.nameEn : home.city, lon: home.lon, lat: home.lat },
    regions: [...regions.entries()]
      .map(([region, e]) => ({ region, firms: e.firms, cities: e.cities.size }))
      .sort((a, b) => b.firms - a.firms || byText(a.region, b.region)),
    firms: seen.size,
  };
}

/**
 * The visit plan as trips (招商线路图, issue 18): one trip per HQ region (a stop's first region tag, `other` for none),
 * trips by firms desc then region; within a trip, stops in nearest-neighbour order from the home city (stops without
 * coordinates last, in plan order). `km` is the round trip home → stops → home, null when a stop has no coordinates.
 *
 * @example
 * visitTrips(plan.stops, { lon: 115.98, lat: 36.45 }, '其他')[0]?.stops; // indices into plan.stops
 */
export function visitTrips(stops: readonly VisitStop[], home: { readonly lon: number; readonly lat: number }, other: string): VisitTrip[] {
  const groups = new Map<string, number[]>();
  stops.forEach((s, i) => {
    const r = s.regions[0] ?? other;
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const trips: VisitTrip[] = [];
  for (const [region, idx] of groups) {
    const located = idx.filter((i) => stops[i]!.lon !== undefined && stops[i]!.lat !== undefined);
    const order: number[] = [];
    let at = { lon: home.lon, lat: home.lat };
    let km = 0;
    const left = new Set(located);
    while (left.size > 0) {
      let best = -1;
      let bestD = Number.POSITIVE_INFINITY;
      for (const i of left) {
        const d = haversineKm(at.lon, at.lat, stops[i]!.lon!, stops[i]!.lat!);
        if (d < bestD - 1e-9) {
          best = i;
          bestD = d;
        }
      }
      order.push(best);
      left.delete(best);
      km += bestD;
      at = { lon: stops[best]!.lon!, lat: stops[best]!.lat! };
    }
    km += haversineKm(at.lon, at.lat, home.lon, home.lat);
    const unlocated = idx.filter((i) => !located.includes(i));
    trips.push({ region, stops: [...order, ...unlocated], km: unlocated.length === 0 ? Math.round(km) : null });
  }
  const firms = (t: VisitTrip): number => t.stops.reduce((n, i) => n + stops[i]!.firms.length, 0);
  return trips.sort((a, b) => firms(b) - firms(a) || byText(a.region, b.region));
}
