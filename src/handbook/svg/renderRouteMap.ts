import type { Lang } from '../../errors.js';
import { escapeHtml as esc } from '../render/escapeHtml.js';
import type { HandbookVisitPlan } from '../types.js';
import { FONT_STACK } from './renderChainMap.js';
import { textWidthEm } from './wrapLabel.js';

/** Colours of the trips, in trip order (cycled). */
const TRIP_COLORS = ['#1f4e79', '#c0392b', '#2e8049', '#7546b0', '#c17d00', '#0f7c8c', '#8a4b2a', '#52606d'];

const n1 = (x: number): string => String(Math.round(x * 10) / 10);

/**
 * The visit plan as a route map (招商线路图, issue 18): the home city and every located stop placed by longitude and
 * latitude (equirectangular, scaled by the cosine of the mean latitude), one coloured loop per trip (home → stops in
 * visiting order → home), each stop labelled with its city and number of firms, and a legend of the trips with their
 * length. Stops without coordinates are left off the map (the tables still list them). Deterministic; no scripts.
 *
 * @param plan - the handbook's visit plan (with `trips` and `home`)
 * @param lang - language of the legend
 * @returns SVG markup, or '' when the plan has no trips or no home coordinates
 * @example
 * renderRouteMap(hb.visitPlan, 'zh').startsWith('<svg'); // true when there are trips
 */
export function renderRouteMap(plan: HandbookVisitPlan, lang: Lang): string {
  const trips = plan.trips ?? [];
  const home = plan.home;
  if (home === undefined || trips.length === 0) return '';
  const located = plan.stops.map((s, i) => ({ s, i })).filter((x) => x.s.lon !== undefined && x.s.lat !== undefined);
  const lons = [home.lon, ...located.map((x) => x.s.lon!)];
  const lats = [home.lat, ...located.map((x) => x.s.lat!)];
  const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const W = 920;
  const legendW = 250;
  const mapW = W - legendW - 30;
  const pad = 40;
  const spanX = Math.max(1e-6, (Math.max(...lons) - Math.min(...lons)) * k);
  const spanY = Math.max(1e-6, Math.max(...lats) - Math.min(...lats));
  const scale = Math.min((mapW - 2 * pad) / spanX, (600 - 2 * pad) / spanY);
  const H = Math.max(320, Math.ceil(spanY * scale + 2 * pad), 60 + trips.length * 34);
  const px = (lon: number): number => pad + (lon - Math.min(...lons)) * k * scale;
  const py = (lat: number): number => H - pad - (lat - Math.min(...lats)) * scale;
  const tripOf = new Map<number, number>();
  trips.forEach((t, ti) => t.stops.forEach((i) => tripOf.set(i, ti)));
  const loops = trips.map((t, ti) => {
    const pts = [[home.lon, home.lat], ...t.stops.filter((i) => plan.stops[i]!.lon !== undefined).map((i) => [plan.stops[i]!.lon!, plan.stops[i]!.lat!]), [home.lon, home.lat]];
    const d = pts.map(([lon, lat], j) => `${j === 0 ? 'M' : 'L'}${n1(px(lon!))} ${n1(py(lat!))}`).join(' ');
    return `<path d="${d}" fill="none" stroke="${TRIP_COLORS[ti % TRIP_COLORS.length]}" stroke-width="1.6" stroke-opacity="0.8" stroke-linejoin="round" data-trip="${esc(t.region)}"/>`;
  });
  const hx = px(home.lon);
  const hy = py(home.lat);
  // Labels that would overlap one already placed (or the home label) are left off; the stop keeps its tooltip and
  // the tables below list every stop. Stops with more firms are labelled first.
  const boxes: [number, number, number, number][] = [[hx - 8, hy - 24, hx + 10 + textWidthEm(home.name) * 13, hy + 8]];
  const labelled = new Set<number>();
  for (const { s, i } of [...located].sort((a, b) => b.s.firms.length - a.s.firms.length || a.i - b.i)) {
    const r = 3 + Math.min(5, s.firms.length);
    const x0 = px(s.lon!) + r + 2;
    const y0 = py(s.lat!) - 6;
    const box: [number, number, number, number] = [x0, y0, x0 + textWidthEm(`${s.city} ${s.firms.length}`) * 10, y0 + 12];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    labelled.add(i);
  }
  const dots = located.map(({ s, i }) => {
    const c = TRIP_COLORS[(tripOf.get(i) ?? 0) % TRIP_COLORS.length];
    const label = `${s.city} ${s.firms.length}`;
    const x = px(s.lon!);
    const y = py(s.lat!);
    const r = 3 + Math.min(5, s.firms.length);
    const text = labelled.has(i) ? `<text x="${n1(x + r + 2)}" y="${n1(y)}" font-size="10" fill="#1f2933" dominant-baseline="central">${esc(label)}</text>` : '';
    return `<g data-stop="${esc(s.city)}"><title>${esc(label)}</title><circle cx="${n1(x)}" cy="${n1(y)}" r="${r}" fill="${c}" fill-opacity="0.85" stroke="#fff" stroke-width="1"/>${text}</g>`;
  });
  const homeMark = `<g data-home="${esc(home.name)}"><rect x="${n1(hx - 6)}" y="${n1(hy - 6)}" width="12" height="12" fill="#fff" stroke="#1f2933" stroke-width="2" transform="rotate(45 ${n1(hx)} ${n1(hy)})"/><text x="${n1(hx + 10)}" y="${n1(hy - 10)}" font-size="13" font-weight="bold" fill="#1f2933">${esc(home.name)}</text></g>`;
  const lx = W - legendW;
  const legend = trips.map((t, ti) => {
    const firms = t.stops.reduce((n, i) => n + plan.stops[i]!.firms.length, 0);
    const text = lang === 'zh' ? `${t.region}：${t.stops.length} 城 ${firms} 家${t.km !== null ? `，往返约 ${t.km} km` : ''}` : `${t.region}: ${t.stops.length} cities, ${firms} firms${t.km !== null ? `, ~${t.km} km round trip` : ''}`;
    const y = 40 + ti * 34;
    const shown = textWidthEm(text) * 11 > legendW - 30 ? `${[...text].slice(0, Math.floor((legendW - 30) / 6.2)).join('')}…` : text;
    return `<g><path d="M${lx} ${y}h20" stroke="${TRIP_COLORS[ti % TRIP_COLORS.length]}" stroke-width="3"/><text x="${lx + 26}" y="${y}" font-size="11" fill="#1f2933" dominant-baseline="central"><title>${esc(text)}</title>${esc(shown)}</text></g>`;
  });
  const title = lang === 'zh' ? '招商线路图' : 'Visit routes';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="route-map" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" font-family="${FONT_STACK}">`,
    `<rect x="0" y="0" width="${mapW}" height="${H}" rx="8" fill="#f7f9fb"/>`,
    `<g class="trips">${loops.join('')}</g>`,
    `<g class="stops">${dots.join('')}</g>`,
    homeMark,
    `<text x="${lx}" y="18" font-size="12" font-weight="bold" fill="#3e4c59">${esc(lang === 'zh' ? '线路（按区域）' : 'Trips (by region)')}</text>`,
    `<g class="legend">${legend.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
