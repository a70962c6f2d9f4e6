import { isGenericName } from './genericWords.js';
import { PROVINCES, placeStem } from './placeNames.js';
import { normalizeText } from '../normalizeText.js';
import { toSimplified } from '../toSimplified.js';

// Qualifiers in brackets that do not change which firm is meant.
const BRACKET_QUALIFIER = /\((中国|集团|控股|股份|有限合伙|普通合伙|特殊普通合伙|china|group|holdings?)\)/g;
// Legal forms at the end of a name, longest first; stripped repeatedly (集团股份有限公司 → 集团 → '').
const ZH_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '股份合作公司', '集团有限公司', '有限公司', '股份公司', '集团公司', '总公司', '公司', '集团', '股份', '控股', '有限'];
const EN_LEGAL_FORMS = /(?:[\s,.]+|^)(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|s\.a|nv|bv|kk|group|holdings?)\.?$/;
const TRAILING_PUNCT = /[\s,.()\-·&]+$/;
const LEADING_CITY = /^([\u4e00-\u9fff]{2,3})市(?!场)/;
// Everything but letters and digits (Latin, Greek, Cyrillic, kana, CJK, Hangul; surrogates kept for rare CJK).
const NOT_ALNUM = /[^0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ud800-\udfff\uf900-\ufaff]/g;

/** Leading place names by their first character, longest first. */
export type PlaceList = ReadonlyMap<string, readonly string[]>;

function toPlaceList(names: Iterable<string>): PlaceList {
  const out = new Map<string, string[]>();
  for (const n of new Set(names)) {
    const list = out.get(n[0]!) ?? [];
    list.push(n);
    out.set(n[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return out;
}

const DEFAULT_LEADING = ['中国', ...PROVINCES.flatMap(([full, short]) => [full, short])];
const DEFAULT_PLACES = toPlaceList(DEFAULT_LEADING);

/** Place names to strip (provinces, 中国, and the given places with their stems), built once per dataset. */
export function placeListFor(extra: readonly string[] | undefined): PlaceList {
  if (extra === undefined || extra.length === 0) return DEFAULT_PLACES;
  const all = [...DEFAULT_LEADING];
  for (const p of extra) {
    const n = normalizeText(p);
    if (n.length >= 2) all.push(n);
    const stem = placeStem(n);
    if (stem.length >= 2) all.push(stem);
  }
  return toPlaceList(all);
}

function stripLegalForms(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    out = out.replace(TRAILING_PUNCT, '');
    for (const form of ZH_LEGAL_FORMS) {
      if (out.length > form.length && out.endsWith(form)) {
        out = out.slice(0, -form.length);
        changed = true;
        break;
      }
    }
    const last = out.charCodeAt(out.length - 1);
    if (!changed && last >= 97 && last <= 122) {
      const m = EN_LEGAL_FORMS.exec(out);
      if (m && m.index > 0) {
        out = out.slice(0, m.index);
        changed = true;
      }
    }
  }
  return out;
}

function stripLeadingPlaces(s: string, places: PlaceList): string {
  let out = s;
  for (let changed = true; changed && out.length > 0; ) {
    changed = false;
    const city = LEADING_CITY.exec(out);
    const candidates = city ? [city[0], ...(places.get(out[0]!) ?? [])] : (places.get(out[0]!) ?? []);
    for (const p of candidates) {
      if (!out.startsWith(p)) continue;
      const rest = out.slice(p.length).replace(/^[\s()]+/, '');
      if (isGenericName(rest.replace(NOT_ALNUM, ''))) continue;
      out = rest;
      changed = true;
      break;
    }
  }
  return out;
}

/** The matching key of a name (see `normalizeCompanyName`), with a place list built by `placeListFor`. */
export function companyKey(name: string, places: PlaceList): string {
  return keyOfSimplified(toSimplified(normalizeText(name)), places);
}

/** The key of a name already width-normalised and simplified (saves converting twice on hot paths). */
export function keyOfSimplified(simplified: string, places: PlaceList): string {
  const base = simplified.toLowerCase();
  const unqualified = base.includes('(') ? base.replace(BRACKET_QUALIFIER, ' ').replace(/\s+/g, ' ').trim() : base;
  const core = stripLeadingPlaces(stripLegalForms(unqualified), places);
  const key = core.replace(NOT_ALNUM, '');
  return key.length > 0 ? key : base.replace(NOT_ALNUM, '');
}
