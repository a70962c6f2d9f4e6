// Cross-file checks of the optional projects.json, parks.json and policies.json (issue 18): ids unique, segments,
// industries and counties known. Kept apart from checkReferences so the core checks stay as they were.
import type { DataIssue, DataIssueCode } from '../errors.js';
import { dataIssueText, type IssueParams } from '../messages/dataIssueText.js';
import type { Outcome, Park, Policy, Project } from '../schema/index.js';
import { placeKey, type IndexedRecords } from './checkReferences.js';

/** The optional carrier files as parsed (each record with its index), when present. */
export interface CarrierRecords {
  readonly projects?: readonly (readonly [number, Project])[];
  readonly parks?: readonly (readonly [number, Park])[];
  readonly policies?: readonly (readonly [number, Policy])[];
  readonly outcomes?: readonly (readonly [number, Outcome])[];
}

function issue(code: DataIssueCode, file: string, index: number, id: string, field: string, params: IssueParams): DataIssue {
  const text = dataIssueText(code, params);
  return { code, file, index, id, field, path: [index, ...field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))], ...(params.value !== undefined ? { value: params.value } : {}), message: text.en, messageZh: text.zh };
}

/**
 * Problems of the carrier files: duplicate ids, a project's unknown segment, a park's or policy's unknown industry or
 * segment, a county that is not a place of the home province in cities.json.
 *
 * @example
 * checkCarrierReferences({ projects: [[0, project]] }, records); // [] when every reference resolves
 */
export function checkCarrierReferences(c: CarrierRecords, r: IndexedRecords): DataIssue[] {
  const out: DataIssue[] = [];
  const segmentIds = new Set([...r.segments.map(([, s]) => s.id), ...(r.rawIds.get('segments.json') ?? [])]);
  const industryIds = new Set([...r.industries.map(([, i]) => i.id), ...(r.rawIds.get('industries.json') ?? [])]);
  const province = r.meta?.home.province;
  const places = new Set(r.cities.map(([, x]) => placeKey(x.province, x.name, x.country)));
  const countyKnown = (county: string): boolean => r.unavailable.has('cities.json') || (province !== undefined ? places.has(placeKey(province, county)) : r.cities.some(([, x]) => x.name === county));
  const checkSegments = r.unavailable.has('segments.json') === false;
  const checkIndustries = r.unavailable.has('industries.json') === false;
  const files: readonly [string, readonly (readonly [number, Project | Park | Policy])[] | undefined][] = [
    ['projects.json', c.projects],
    ['parks.json', c.parks],
    ['policies.json', c.policies],
  ];
  for (const [file, records] of files) {
    const seen = new Map<string, number>();
    for (const [index, rec] of records ?? []) {
      const first = seen.get(rec.id);
      if (first !== undefined) out.push(issue('duplicate-id', file, index, rec.id, 'id', { value: rec.id, other: `#${first + 1}` }));
      else seen.set(rec.id, index);
      if ('segment' in rec && checkSegments && !segmentIds.has(rec.segment)) out.push(issue('unknown-segment', file, index, rec.id, 'segment', { value: rec.segment }));
      if ('segments' in rec && checkSegments) rec.segments?.forEach((s, k) => { if (!segmentIds.has(s)) out.push(issue('unknown-segment', file, index, rec.id, `segments.${k}`, { value: s })); });
      if ('industries' in rec && checkIndustries) rec.industries?.forEach((s, k) => { if (!industryIds.has(s)) out.push(issue('unknown-industry', file, index, rec.id, `industries.${k}`, { value: s })); });
      if ('county' in rec && !countyKnown(rec.county)) out.push(issue('unknown-city', file, index, rec.id, 'county', { value: rec.county }));
      if ('counties' in rec) rec.counties?.forEach((x, k) => { if (!countyKnown(x)) out.push(issue('unknown-city', file, index, rec.id, `counties.${k}`, { value: x })); });
    }
  }
  // outcomes.json: segments must be known. A companyId is not checked here: it names the company in whatever
  // target list the outcome is measured against (a backtest may rank another file's companies), and is matched there.
  for (const [index, o] of c.outcomes ?? []) {
    const id = o.companyId ?? o.company;
    if (checkSegments) o.segments?.forEach((s, k) => { if (!segmentIds.has(s)) out.push(issue('unknown-segment', 'outcomes.json', index, id, `segments.${k}`, { value: s })); });
  }
  return out;
}

/** The carrier keys of a parsed dataset: present only for the files that were given, so datasets without stay as they were. */
export function carrierRecords(files: Readonly<Record<string, unknown>>, parsed: Readonly<Record<string, unknown>>): { projects?: Project[]; parks?: Park[]; policies?: Policy[]; outcomes?: Outcome[] } {
  const strip = <T>(key: string): T[] => ((parsed[key] ?? []) as (readonly [number, T])[]).map(([, x]) => x);
  return {
    ...(files['projects.json'] !== undefined ? { projects: strip<Project>('projects') } : {}),
    ...(files['parks.json'] !== undefined ? { parks: strip<Park>('parks') } : {}),
    ...(files['policies.json'] !== undefined ? { policies: strip<Policy>('policies') } : {}),
    ...(files['outcomes.json'] !== undefined ? { outcomes: strip<Outcome>('outcomes') } : {}),
  };
}
