import { normalizeText as widthNormalize } from '../../match/normalizeText.js';
import { toSimplified } from '../../match/toSimplified.js';
import { MUNICIPALITIES, PROVINCES, placeStem } from '../../match/placeNames.js';
import type { City } from '../../schema/city.js';
import type { HqLocation } from '../../schema/company.js';

/** Place cells of one row. */
export interface PlaceInput {
  readonly province?: string;
  readonly city?: string;
  readonly county?: string;
  readonly address?: string;
  readonly name?: string;
}

/** An HQ found for a row; `unlisted` names a city kept as written because the dataset does not list it. */
export interface ResolvedPlace {
  readonly hq?: HqLocation;
  readonly unlisted?: string;
  /** Only the province is known: `hq.city` repeats the province. */
  readonly provinceOnly?: boolean;
}

/** Finds a row's HQ city among a dataset's places (or, without a dataset, normalises names only). */
export interface PlaceResolver {
  resolve(input: PlaceInput): ResolvedPlace;
}

/** Width-normalised and simplified (寧德 → 宁德). */
const normalizeText = (t: string): string => toSimplified(widthNormalize(t));
const LEVEL_RANK: Readonly<Record<string, number>> = { city: 0, 'county-city': 1, foreign: 2, district: 3, county: 3, province: 4, park: 5 };
// 内蒙 (without 古) is how Tushare, Wind and several exports write 内蒙古自治区 in their 地域 / 省份 column.
const PROVINCE_BY_NAME: ReadonlyMap<string, string> = new Map([...PROVINCES.flatMap(([full, short]) => [[full, full], [short, full], [`${short}省`, full]] as const), ['内蒙', '内蒙古自治区']]);
const LEADING_PROVINCE = new RegExp(`^(${PROVINCES.flatMap(([f, s]) => [f, s]).sort((a, b) => b.length - a.length).join('|')})`);
const withSuffix = (name: string): string => (/(市|州|盟|地区|县|区|旗)$/.test(name) ? name : `${name}市`);

function provinceOf(text: string | undefined, known: ReadonlyMap<string, string>): string | undefined {
  if (text === undefined) return undefined;
  const t = normalizeText(text);
  return t.length === 0 ? undefined : (PROVINCE_BY_NAME.get(t) ?? known.get(t) ?? known.get(placeStem(t)));
}

/**
 * Build a resolver over a dataset's places. A row's HQ comes from its 城市 cell (matched by full name or
 * stem: 深圳 → 深圳市, within the 省份 given), else a municipality 省份 (北京 → 北京市), else its 区县,
 * else the first place named in its address or at the start of its name (聊城市鲁西… → 聊城市), else the
 * province alone (`provinceOnly`, city = province).
 */
export function createPlaceResolver(cities: readonly City[] | undefined): PlaceResolver {
  const byName = new Map<string, City[]>();
  const provinces = new Map<string, string>();
  for (const c of [...(cities ?? [])].sort((a, b) => (LEVEL_RANK[a.level ?? 'city'] ?? 9) - (LEVEL_RANK[b.level ?? 'city'] ?? 9))) {
    for (const k of new Set([c.name, placeStem(c.name)])) {
      if (k.length < 2) continue;
      const list = byName.get(k) ?? [];
      list.push(c);
      byName.set(k, list);
    }
    provinces.set(c.province, c.province);
    provinces.set(placeStem(c.province), c.province);
  }
  const hqOf = (c: City): HqLocation => {
    const parent = (c.level === 'district' || c.level === 'county') && c.parent !== undefined ? lookup(c.parent, c.province) : undefined;
    const at = parent ?? c;
    return { ...(at.country !== undefined && at.country !== '中国' ? { country: at.country } : {}), province: at.province, city: at.name };
  };
  function lookup(name: string, province: string | undefined): City | undefined {
    const list = byName.get(name) ?? byName.get(placeStem(name));
    return list?.find((c) => province === undefined || c.province === province);
  }
  function scan(text: string, province: string | undefined, starts: number): City | undefined {
    const t = normalizeText(text).replace(LEADING_PROVINCE, '').replace(/^(省|自治区)/, '');
    for (let i = 0; i < Math.min(t.length, starts); i++) {
      for (let len = Math.min(8, t.length - i); len >= 2; len--) {
        const hit = lookup(t.slice(i, i + len), province);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  }
  return {
    resolve(input: PlaceInput): ResolvedPlace {
      const province = provinceOf(input.province, provinces);
      const provinceText = input.province !== undefined ? normalizeText(input.province) : '';
      // A 省份 cell naming a city (深圳 in some exports) is read as the city.
      const cityText = input.city !== undefined && normalizeText(input.city).length > 0 ? normalizeText(input.city) : province === undefined ? provinceText : '';
      if (cityText.length > 0) {
        const found = lookup(cityText, province) ?? (province === undefined ? undefined : lookup(cityText, undefined));
        if (found !== undefined) return { hq: hqOf(found) };
        const provinceOfCity = provinceOf(cityText, provinces);
        if (provinceOfCity !== undefined && MUNICIPALITIES.has(provinceOfCity)) return { hq: { province: provinceOfCity, city: provinceOfCity } };
        const p = province ?? (provinceText.length > 0 && provinceText !== cityText ? provinceText : undefined);
        if (p !== undefined) return { hq: { province: p, city: withSuffix(cityText) }, ...(cities !== undefined ? { unlisted: `${p}${withSuffix(cityText)}` } : {}) };
      }
      if (province !== undefined && MUNICIPALITIES.has(province)) return { hq: { province, city: province } };
      // A county or an address may name the place anywhere near its start; a company name only at its start.
      for (const [text, starts] of [[input.county, 12], [input.address, 12], [input.name, 1]] as const) {
        if (text === undefined || text.length === 0) continue;
        const found = cities !== undefined ? scan(text, province, starts) : undefined;
        if (found !== undefined) return { hq: hqOf(found) };
      }
      if (cities === undefined) {
        const m = /^(?:[^市]{2,8}?省|[^市]{2,3}自治区)?([\u4e00-\u9fff]{2,4}?市)/.exec(normalizeText(input.address ?? ''));
        if (m?.[1] !== undefined && province !== undefined) return { hq: { province, city: m[1] } };
      }
      // Only the province is known (城市 '-' in a 企查查 export): kept at province level, never guessed.
      if (province !== undefined) return { hq: { province, city: province }, provinceOnly: true };
      return {};
    },
  };
}
