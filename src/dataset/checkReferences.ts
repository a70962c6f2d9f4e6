import type { DataIssue, DataIssueCode } from '../errors.js';
import { dataIssueText, type IssueParams } from '../messages/dataIssueText.js';
import type { City, Company, Correction, DatasetMeta, Enterprise, Industry, Link, Segment } from '../schema/index.js';

/** Records that passed their schema, each with its index in its file. */
export interface IndexedRecords {
  readonly meta?: DatasetMeta;
  readonly industries: readonly (readonly [number, Industry])[];
  readonly segments: readonly (readonly [number, Segment])[];
  readonly links: readonly (readonly [number, Link])[];
  readonly enterprises: readonly (readonly [number, Enterprise])[];
  readonly companies: readonly (readonly [number, Company])[];
  readonly cities: readonly (readonly [number, City])[];
  /** Entries of the optional corrections.json (absent = none). */
  readonly corrections?: readonly (readonly [number, Correction])[];
  /** Files that failed to load at all: references into them are not checked. */
  readonly unavailable: ReadonlySet<string>;
  /**
   * Ids (and place keys) of every raw record, valid or not, by file: a reference to a record that exists
   * but failed its schema is not reported again as unknown (its own schema problem is already reported).
   */
  readonly rawIds: ReadonlyMap<string, ReadonlySet<string>>;
}

interface At {
  readonly file: string;
  readonly index?: number;
  readonly id?: string;
  readonly field: string;
}

function issue(code: DataIssueCode, at: At, params: IssueParams): DataIssue {
  const text = dataIssueText(code, params);
  const path = [...(at.index !== undefined ? [at.index] : []), ...at.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
  return {
    code,
    file: at.file,
    ...(at.index !== undefined ? { index: at.index } : {}),
    ...(at.id !== undefined ? { id: at.id } : {}),
    field: at.field,
    path,
    ...(params.value !== undefined ? { value: params.value } : {}),
    message: text.en,
    messageZh: text.zh,
  };
}

/** Key of a place in cities.json: country, province and name. */
export function placeKey(province: string, name: string, country?: string): string {
  return `${country ?? '中国'}|${province}|${name}`;
}

function duplicates<T>(file: string, records: readonly (readonly [number, T])[], keyOf: (r: T) => string, label: (r: T) => string): DataIssue[] {
  const seen = new Map<string, number>();
  const out: DataIssue[] = [];
  for (const [index, r] of records) {
    const key = keyOf(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else out.push(issue('duplicate-id', { file, index, id: label(r), field: 'id' }, { value: label(r), other: `#${first + 1}` }));
  }
  return out;
}

function suggestPlace(cities: readonly (readonly [number, City])[], name: string): string | undefined {
  const stem = name.replace(/(市|省|区|县|自治州|地区)$/u, '');
  if (stem.length === 0) return undefined;
  const hit = cities.find(([, c]) => c.name !== name && c.name.startsWith(stem));
  return hit ? `${hit[1].province} ${hit[1].name}` : undefined;
}

/**
 * Checks what a schema cannot: duplicate ids, dangling references, self-links, duplicate links,
 * sub-directions outside their industry, unknown places. Returns every problem found.
 */
export function checkReferences(r: IndexedRecords): DataIssue[] {
  const out: DataIssue[] = [];
  out.push(...duplicates('industries.json', r.industries, (x) => x.id, (x) => x.id));
  out.push(...duplicates('segments.json', r.segments, (x) => x.id, (x) => x.id));
  out.push(...duplicates('enterprises.json', r.enterprises, (x) => x.id, (x) => x.id));
  out.push(...duplicates('companies.json', r.companies, (x) => x.id, (x) => x.id));
  out.push(...duplicates('corrections.json', r.corrections ?? [], (x) => x.id, (x) => x.id));
  out.push(...duplicates('cities.json', r.cities, (x) => placeKey(x.province, x.name, x.country), (x) => x.name));

  const subDirOwner = new Map<string, string>();
  const subDirFirst = new Map<string, string>();
  for (const [index, ind] of r.industries) {
    ind.subDirections.forEach((sd, k) => {
      const prev = subDirFirst.get(sd.id);
      if (prev !== undefined) {
        out.push(issue('duplicate-id', { file: 'industries.json', index, id: ind.id, field: `subDirections.${k}.id` }, { value: sd.id, other: prev }));
      } else {
        subDirFirst.set(sd.id, ind.id);
        subDirOwner.set(sd.id, ind.id);
      }
    });
  }
  const known = (file: string, ids: Iterable<string>): Set<string> => new Set([...ids, ...(r.rawIds.get(file) ?? [])]);
  const industryIds = known('industries.json', r.industries.map(([, x]) => x.id));
  const segmentIds = known('segments.json', r.segments.map(([, x]) => x.id));
  const enterpriseIds = known('enterprises.json', r.enterprises.map(([, x]) => x.id));
  const companyIds = known('companies.json', r.companies.map(([, x]) => x.id));
  const places = known('cities.json', r.cities.map(([, c]) => placeKey(c.province, c.name, c.country)));
  const checkIndustries = !r.unavailable.has('industries.json');
  const checkSegments = !r.unavailable.has('segments.json');
  const checkCities = !r.unavailable.has('cities.json');

  if (checkIndustries) {
    for (const [index, s] of r.segments) {
      const at = { file: 'segments.json', index, id: s.id };
      if (!industryIds.has(s.industry)) out.push(issue('unknown-industry', { ...at, field: 'industry' }, { value: s.industry }));
      if (s.subDirection !== undefined) {
        const owner = subDirOwner.get(s.subDirection);
        if (owner !== s.industry) {
          out.push(issue('unknown-sub-direction', { ...at, field: 'subDirection' }, { value: s.subDirection, expected: s.industry, ...(owner ? { other: owner } : {}) }));
        }
      }
    }
  }
  if (checkSegments) {
    // A relative benchmark (就地转化率) must name a segment of the dataset; an unknown one would silently fall back.
    for (const [index, s] of r.segments) {
      const ref = s.benchmarkRelative?.segment;
      if (ref !== undefined && !segmentIds.has(ref)) out.push(issue('unknown-segment', { file: 'segments.json', index, id: s.id, field: 'benchmarkRelative.segment' }, { value: ref }));
    }
    const seenLinks = new Map<string, number>();
    for (const [index, l] of r.links) {
      const at = { file: 'links.json', index, id: `${l.from}->${l.to}` };
      if (!segmentIds.has(l.from)) out.push(issue('unknown-segment', { ...at, field: 'from' }, { value: l.from }));
      if (!segmentIds.has(l.to)) out.push(issue('unknown-segment', { ...at, field: 'to' }, { value: l.to }));
      if (l.from === l.to) out.push(issue('self-link', { ...at, field: 'to' }, { value: l.from }));
      const key = `${l.from}->${l.to}`;
      const first = seenLinks.get(key);
      if (first !== undefined) out.push(issue('duplicate-link', { ...at, field: 'to' }, { value: key, other: `#${first + 1}` }));
      else seenLinks.set(key, index);
    }
    for (const [index, e] of r.enterprises) {
      e.segments.forEach((sid, k) => {
        if (!segmentIds.has(sid)) out.push(issue('unknown-segment', { file: 'enterprises.json', index, id: e.id, field: `segments.${k}` }, { value: sid }));
      });
    }
    for (const [index, c] of r.corrections ?? []) {
      if (!segmentIds.has(c.segment)) out.push(issue('unknown-segment', { file: 'corrections.json', index, id: c.id, field: 'segment' }, { value: c.segment }));
    }
    for (const [index, c] of r.companies) {
      (c.segments ?? []).forEach((sid, k) => {
        if (!segmentIds.has(sid)) out.push(issue('unknown-segment', { file: 'companies.json', index, id: c.id, field: `segments.${k}` }, { value: sid }));
      });
    }
  }
  if (!r.unavailable.has('companies.json')) {
    for (const [index, e] of r.enterprises) {
      if (e.parentCompanyId !== undefined && !companyIds.has(e.parentCompanyId)) {
        out.push(issue('unknown-company', { file: 'enterprises.json', index, id: e.id, field: 'parentCompanyId' }, { value: e.parentCompanyId }));
      }
    }
    for (const [index, c] of r.companies) {
      if (c.parent !== undefined && (!companyIds.has(c.parent) || c.parent === c.id)) {
        out.push(issue('unknown-company', { file: 'companies.json', index, id: c.id, field: 'parent' }, { value: c.parent }));
      }
    }
  }
  if (!r.unavailable.has('enterprises.json')) {
    for (const [index, c] of r.companies) {
      (c.ties ?? []).forEach((t, k) => {
        if (t.enterprise !== undefined && !enterpriseIds.has(t.enterprise)) {
          out.push(issue('unknown-enterprise', { file: 'companies.json', index, id: c.id, field: `ties.${k}.enterprise` }, { value: t.enterprise }));
        }
      });
    }
  }
  if (checkCities) out.push(...checkPlaces(r, places));
  if (r.meta?.priorities) out.push(...checkPriorities(r.meta, industryIds, segmentIds, checkIndustries, checkSegments));
  return out;
}

function checkPlaces(r: IndexedRecords, places: ReadonlySet<string>): DataIssue[] {
  const out: DataIssue[] = [];
  const home = r.meta?.home;
  if (home && !places.has(placeKey(home.province, home.city))) {
    out.push(issue('unknown-city', { file: 'dataset.json', field: 'home.city' }, { value: `${home.province} ${home.city}`, ...suggestion(r, home.city) }));
  }
  const homeProvince = home?.province;
  for (const [index, e] of r.enterprises) {
    const known = homeProvince !== undefined ? places.has(placeKey(homeProvince, e.county)) : r.cities.some(([, c]) => c.name === e.county);
    if (!known) out.push(issue('unknown-city', { file: 'enterprises.json', index, id: e.id, field: 'county' }, { value: e.county, ...suggestion(r, e.county) }));
  }
  // An HQ known only by its province (city = province, as `import` keeps a 企查查 row with 城市 '-') is a place when the
  // table has cities of that province: proximity then reads the province's mean position.
  const provinces = new Set(r.cities.filter(([, x]) => (x.country ?? '中国') === '中国').map(([, x]) => x.province));
  for (const [index, c] of r.companies) {
    const provinceOnly = c.hq.city === c.hq.province && (c.hq.country ?? '中国') === '中国' && provinces.has(c.hq.province);
    if (!provinceOnly && !places.has(placeKey(c.hq.province, c.hq.city, c.hq.country))) {
      out.push(issue('unknown-city', { file: 'companies.json', index, id: c.id, field: 'hq.city' }, { value: `${c.hq.country ?? ''}${c.hq.province} ${c.hq.city}`.trim(), ...suggestion(r, c.hq.city) }));
    }
  }
  return out;
}

function suggestion(r: IndexedRecords, name: string): { other?: string } {
  const s = suggestPlace(r.cities, name);
  return s !== undefined ? { other: s } : {};
}

function checkPriorities(meta: DatasetMeta, industryIds: ReadonlySet<string>, segmentIds: ReadonlySet<string>, ci: boolean, cs: boolean): DataIssue[] {
  const out: DataIssue[] = [];
  if (ci) {
    for (const id of Object.keys(meta.priorities?.industries ?? {}).sort()) {
      if (!industryIds.has(id)) out.push(issue('unknown-industry', { file: 'dataset.json', field: `priorities.industries.${id}` }, { value: id }));
    }
  }
  if (cs) {
    for (const id of Object.keys(meta.priorities?.segments ?? {}).sort()) {
      if (!segmentIds.has(id)) out.push(issue('unknown-segment', { file: 'dataset.json', field: `priorities.segments.${id}` }, { value: id }));
    }
  }
  return out;
}
