import { placeKey } from '../../dataset/checkReferences.js';
import { haversineKm } from '../../stats/haversineKm.js';
import type { HandbookChapter, TargetCard, VisitFirm, HandbookVisitPlan, VisitStop } from '../types.js';
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
  return {
    stops,
    regions: [...regions.entries()]
      .map(([region, e]) => ({ region, firms: e.firms, cities: e.cities.size }))
      .sort((a, b) => b.firms - a.firms || byText(a.region, b.region)),
    firms: seen.size,
  };
}
