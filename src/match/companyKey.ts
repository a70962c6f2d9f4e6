import { isGenericName } from './internal/genericWords.js';
import { PROVINCES, placeStem } from './placeNames.js';
import { normalizeText } from './normalizeText.js';
import { toSimplified } from './toSimplified.js';

// Qualifiers in brackets that do not change which firm is meant.
const BRACKET_QUALIFIER = /\((中国|集团|控股|股份|有限合伙|普通合伙|特殊普通合伙|本部|总部|总公司|china|group|holdings?)\)/g;
// A branch of a company (…有限公司杭州分公司, …股份有限公司第一分厂): the same firm as its parent for 招商.
const BRANCH_SUFFIX = /(公司|集团|厂)[\u4e00-\u9fff\d]{0,12}(分公司|分厂|分部|办事处|营业部|经营部|分店|分支机构)$/;

/** True when a name is a branch (分公司, 分厂, 办事处 …) of another company. */
export function isBranchName(name: string): boolean {
  return BRANCH_SUFFIX.test(name.replace(/[()\s]/g, ''));
}
// Legal forms at the end of a name, longest first; stripped repeatedly (集团股份有限公司 → 集团 → '').
const ZH_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '股份合作公司', '集团有限公司', '有限公司', '股份公司', '集团公司', '总公司', '公司', '集团', '股份', '控股', '有限'];
const EN_LEGAL_FORMS = /(?:[\s,.]+|^)(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|s\.a|nv|bv|kk|group|holdings?)\.?$/;
const TRAILING_PUNCT = /[\s,.()\-·&]+$/;
const LEADING_CITY = /^([\u4e00-\u9fff]{2,3})市(?!场)/;
// Everything but letters and digits (Latin, Greek, Cyrillic, kana, CJK, Hangul; surrogates kept for rare CJK).
const NOT_ALNUM = /[^0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ud800-\udfff\uf900-\ufaff]/g;

/** Leading place names by the code of their first UTF-16 unit, longest first. */
export type PlaceList = ReadonlyMap<number, readonly string[]>;

function toPlaceList(names: Iterable<string>): PlaceList {
  const out = new Map<number, string[]>();
  for (const n of new Set(names)) {
    const list = out.get(n.charCodeAt(0)) ?? [];
    list.push(n);
    out.set(n.charCodeAt(0), list);
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

// Last characters of the Chinese legal forms: a name ending otherwise skips the list.
const LEGAL_LAST: ReadonlySet<number> = new Set(ZH_LEGAL_FORMS.map((f) => f.charCodeAt(f.length - 1)));
const SHI = 0x5e02; // 市

/** Kana and CJK ideographs: no white space, punctuation or case among them (fast paths below skip the regexes). */
function isKanaOrHan(code: number): boolean {
  return code >= 0x3040 && code <= 0x9fff;
}

/** Whether a UTF-16 unit is one NOT_ALNUM keeps. */
function isAlnum(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x4ff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/** Remove what NOT_ALNUM matches, without a new string when there is nothing to remove. */
function alnumOnly(s: string): string {
  for (let i = 0; i < s.length; i++) if (!isAlnum(s.charCodeAt(i))) return s.replace(NOT_ALNUM, '');
  return s;
}

/** `toLowerCase`, skipped when no unit can change (ASCII without capitals, kana and CJK have no case). */
function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0x80 && !(c >= 0x3000 && c <= 0x9fff))) return s.toLowerCase();
  }
  return s;
}

function stripLegalForms(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    if (!isKanaOrHan(out.charCodeAt(out.length - 1))) out = out.replace(TRAILING_PUNCT, '');
    if (LEGAL_LAST.has(out.charCodeAt(out.length - 1))) {
      for (const form of ZH_LEGAL_FORMS) {
        if (out.length > form.length && out.endsWith(form)) {
          out = out.slice(0, -form.length);
          changed = true;
          break;
        }
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
    // LEADING_CITY needs 市 as the third or fourth character.
    const city = out.charCodeAt(2) === SHI || out.charCodeAt(3) === SHI ? LEADING_CITY.exec(out) : null;
    const listed = places.get(out.charCodeAt(0));
    const candidates = city ? [city[0], ...(listed ?? [])] : (listed ?? []);
    for (const p of candidates) {
      if (!out.startsWith(p)) continue;
      let rest = out.slice(p.length);
      if (!isKanaOrHan(rest.charCodeAt(0))) rest = rest.replace(/^[\s()]+/, '');
      // Keep the place when what would remain is generic (临清 + 轴承) or a one-character 字号 before generic words
      // (兴安 + 安实业): two firms of one city would otherwise share the key 安实业.
      const restKey = alnumOnly(rest);
      if (isGenericName(restKey) || (restKey.length > 2 && isKanaOrHan(restKey.charCodeAt(0)) && isGenericName(restKey.slice(1)))) {
        // The place stays, and the pass ends here (a shorter candidate, 聊城 of 聊城市, would strip it after all and leave
        // 市鲁实业). Written without its 市/省 so 聊城市鲁实业 and 聊城鲁实业, 临清市轴承 and 临清轴承 share a key.
        const stem = p.replace(/(市|省|自治区|特别行政区)$/, '');
        return `${stem.length >= 2 ? stem : p}${rest}`;
      }
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
  return formsOfSimplified(simplified, places).key;
}

/**
 * The three forms of a name that name matching compares, each lower-case, simplified and without
 * punctuation: `plain` is the whole name ('山东鑫泰铝业股份有限公司' → 山东鑫泰铝业股份有限公司), `full` drops the
 * legal form but keeps a leading place (山东鑫泰铝业), `key` drops both (鑫泰铝业, see `normalizeCompanyName`).
 */
export interface NameForms {
  readonly key: string;
  readonly full: string;
  readonly plain: string;
}

/** The forms of a name (see `NameForms`), with a place list built by `placeListFor`. */
export function nameForms(name: string, places: PlaceList): NameForms {
  return formsOfSimplified(toSimplified(normalizeText(name)), places);
}

/**
 * True only when `nameForms(text, places).key` is `text` itself, decided cheaply (false when unsure): the text
 * is Chinese ideographs only, already simplified, starts with no place name and ends with no legal form. Lets
 * an index skip an alias that repeats its name's key (鑫泰铝业 beside 山东鑫泰铝业有限公司) without reducing it.
 */
export function isOwnKey(text: string, places: PlaceList): boolean {
  if (text.length < 2) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  if (LEGAL_LAST.has(text.charCodeAt(text.length - 1))) return false;
  if (text.charCodeAt(2) === SHI || text.charCodeAt(3) === SHI || places.has(text.charCodeAt(0))) return false;
  return toSimplified(text) === text;
}

function formsOfSimplified(simplified: string, places: PlaceList): NameForms {
  const lowered = lowerCase(simplified);
  // A branch's key is its parent's: 宁波旭升集团股份有限公司杭州分公司 → 宁波旭升集团股份有限公司.
  const branch = BRANCH_SUFFIX.exec(lowered);
  const base = branch !== null ? lowered.slice(0, branch.index + branch[1]!.length) : lowered;
  const unqualified = base.includes('(') ? base.replace(BRACKET_QUALIFIER, ' ').replace(/\s+/g, ' ').trim() : base;
  const withPlace = stripLegalForms(unqualified);
  const core = stripLeadingPlaces(withPlace, places);
  const plain = alnumOnly(lowered);
  // Without anything to remove in the whole name, there is none in its parts either.
  const clean = plain === base;
  const key = clean ? core : alnumOnly(core);
  const full = clean ? withPlace : core === withPlace ? key : alnumOnly(withPlace);
  return key.length > 0 ? { key, full: full.length > 0 ? full : key, plain } : { key: plain, full: plain, plain };
}
