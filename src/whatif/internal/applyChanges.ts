import { placeKey } from '../../dataset/checkReferences.js';
import type { Company } from '../../schema/company.js';
import type { Dataset } from '../../schema/dataset.js';
import type { Priorities } from '../../schema/datasetMeta.js';
import type { Enterprise } from '../../schema/enterprise.js';
import type { WeightsSpec } from '../../scoring/weightsSpec.js';
import type { Correction } from '../../schema/correction.js';
import type { AddCorrectionChange, AddEnterpriseChange, Change, CloseEnterpriseChange, LandChange, RemoveCorrectionsChange, Scenario, SetPriorityChange } from '../scenario.js';
import { enterpriseRevenue } from '../../model/enterpriseRevenue.js';
import { ScenarioError, type ScenarioIssue, type ScenarioIssueCode } from '../ScenarioError.js';
import { landedEnterprise } from './landedEnterprise.js';

/** A company that lands in a scenario, and the local enterprise it became. */
export interface LandedCompany {
  readonly company: string;
  readonly name: string;
  readonly enterprise: string;
  readonly segments: readonly string[];
  readonly county: string;
  /** 1 when the company is in `dataset.companies`, 0 for an inline record. */
  readonly inDataset: boolean;
  /** Index of the change in the scenario. */
  readonly change: number;
}

/** Everything a scenario changes: the dataset, and what the ranking must know (landed, excluded, weights). */
export interface AppliedScenario {
  readonly dataset: Dataset;
  readonly landed: readonly LandedCompany[];
  readonly excluded: readonly string[];
  /** The last `set-weights` of the scenario, if any. */
  readonly weights?: WeightsSpec;
}

const q = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

function issue(code: ScenarioIssueCode, change: number, field: string, value: unknown, en: string, zh: string): ScenarioIssue {
  return { code, change, field, value, message: en, messageZh: zh };
}

/** Mutable working copy of the parts a scenario may change; the input dataset is never touched. */
class Working {
  enterprises: Enterprise[] | undefined;
  priorities: Priorities | undefined;
  /** The corrections once a change touched them (issue 14). */
  corrections: Correction[] | undefined;
  readonly enterpriseAt = new Map<string, number>();
  readonly issues: ScenarioIssue[] = [];
  readonly landed: LandedCompany[] = [];
  readonly excluded = new Set<string>();
  weights: WeightsSpec | undefined;
  // Lookup tables built on first use: a scenario of one or two changes reads one or two of them.
  #companyById: ReadonlyMap<string, Company> | undefined;
  #segmentIds: ReadonlySet<string> | undefined;
  #industryIds: ReadonlySet<string> | undefined;
  #places: ReadonlySet<string> | undefined;

  constructor(readonly base: Dataset, readonly scenarioName: string | undefined) {
    base.enterprises.forEach((e, i) => this.enterpriseAt.set(e.id, i));
  }

  get companyById(): ReadonlyMap<string, Company> {
    return (this.#companyById ??= new Map(this.base.companies.map((c) => [c.id, c])));
  }

  get segmentIds(): ReadonlySet<string> {
    return (this.#segmentIds ??= new Set(this.base.segments.map((s) => s.id)));
  }

  get industryIds(): ReadonlySet<string> {
    return (this.#industryIds ??= new Set(this.base.industries.map((i) => i.id)));
  }

  get places(): ReadonlySet<string> {
    return (this.#places ??= new Set(this.base.cities.map((c) => placeKey(c.province, c.name, c.country))));
  }

  get currentEnterprises(): readonly Enterprise[] {
    return this.enterprises ?? this.base.enterprises;
  }

  writableEnterprises(): Enterprise[] {
    this.enterprises ??= [...this.base.enterprises];
    return this.enterprises;
  }

  hasCounty(county: string): boolean {
    return this.places.has(placeKey(this.base.meta.home.province, county));
  }

  unknownSegments(segments: readonly string[], k: number, field: string): boolean {
    let bad = false;
    segments.forEach((s, j) => {
      if (this.segmentIds.has(s)) return;
      bad = true;
      this.issues.push(issue('unknown-segment', k, `${field}.${j}`, s, `unknown segment ${q(s)}; see segments.json for valid ids`, `未知环节 ${q(s)}；有效 id 见 segments.json`));
    });
    return bad;
  }

  addEnterprise(e: Enterprise, k: number, field: string): boolean {
    if (this.enterpriseAt.has(e.id)) {
      this.issues.push(issue('duplicate-id', k, field, e.id, `a local enterprise with id ${q(e.id)} already exists`, `本地企业 id ${q(e.id)} 已存在`));
      return false;
    }
    const list = this.writableEnterprises();
    this.enterpriseAt.set(e.id, list.length);
    list.push(e);
    return true;
  }
}

function applyLand(w: Working, c: LandChange, k: number): void {
  const inline = typeof c.company === 'string' ? undefined : c.company;
  const company = inline ?? w.companyById.get(c.company as string);
  if (company === undefined) {
    w.issues.push(issue('unknown-company', k, 'company', c.company, `unknown company ${q(c.company)}; give a company id from companies.json or a whole company record`, `未知企业 ${q(c.company)}；请填写 companies.json 中的企业 id，或给出完整的企业记录`));
    return;
  }
  const segments = c.segments ?? company.segments ?? [];
  const segField = c.segments !== undefined ? 'segments' : 'company.segments';
  if (segments.length === 0) {
    w.issues.push(issue('no-segments', k, 'segments', company.id, `company ${q(company.id)} has no segments; say where it lands with "segments"`, `企业 ${q(company.id)} 没有所属环节；请用 segments 指明落地环节`));
    return;
  }
  if (w.unknownSegments(segments, k, segField)) return;
  const county = c.county ?? w.base.meta.home.city;
  if (!w.hasCounty(county)) {
    w.issues.push(issue('unknown-city', k, 'county', county, `unknown place ${q(county)} in ${w.base.meta.home.province}; see cities.json`, `${w.base.meta.home.province}没有地点 ${q(county)}；见 cities.json`));
    return;
  }
  const inDataset = w.companyById.has(company.id);
  const e = landedEnterprise(company, { segments, county, size: c.size, status: c.status, inDataset, asOf: w.base.meta.asOf, scenarioName: w.scenarioName });
  if (!w.addEnterprise(e, k, 'company')) return;
  w.landed.push({ company: company.id, name: company.name, enterprise: e.id, segments: e.segments, county, inDataset, change: k });
}

function applyAddEnterprise(w: Working, c: AddEnterpriseChange, k: number): void {
  const e = c.enterprise;
  let bad = w.unknownSegments(e.segments, k, 'enterprise.segments');
  if (!w.hasCounty(e.county)) {
    bad = true;
    w.issues.push(issue('unknown-city', k, 'enterprise.county', e.county, `unknown place ${q(e.county)} in ${w.base.meta.home.province}; see cities.json`, `${w.base.meta.home.province}没有地点 ${q(e.county)}；见 cities.json`));
  }
  if (e.parentCompanyId !== undefined && !w.companyById.has(e.parentCompanyId)) {
    bad = true;
    w.issues.push(issue('unknown-company', k, 'enterprise.parentCompanyId', e.parentCompanyId, `unknown company ${q(e.parentCompanyId)}`, `未知企业 ${q(e.parentCompanyId)}`));
  }
  if (!bad) w.addEnterprise(e, k, 'enterprise.id');
}

/** The enterprise with its revenue stated in 亿元 (no band), so a share of it can be kept. */
function withRevenue(e: Enterprise, revenue: number): Enterprise {
  const { revenueBand: _band, ...rest } = e;
  return { ...rest, revenue: Math.round(revenue * 1e6) / 1e6 };
}

function applyClose(w: Working, c: CloseEnterpriseChange, k: number): void {
  const id = c.id;
  const at = w.enterpriseAt.get(id);
  if (at === undefined) {
    w.issues.push(issue('unknown-enterprise', k, 'id', id, `unknown local enterprise ${q(id)}; see enterprises.json`, `未知本地企业 ${q(id)}；见 enterprises.json`));
    return;
  }
  const e = w.currentEnterprises[at]!;
  if (e.status === 'closed') {
    w.issues.push(issue('already-closed', k, 'id', id, `local enterprise ${q(id)} is already closed`, `本地企业 ${q(id)} 已关停`));
    return;
  }
  const share = c.share ?? 1;
  if (c.segment !== undefined && !e.segments.includes(c.segment)) {
    w.issues.push(issue('unknown-segment', k, 'segment', c.segment, `local enterprise ${q(id)} is not on segment ${q(c.segment)}; its segments: ${e.segments.join(', ')}`, `本地企业 ${q(id)} 不在环节 ${q(c.segment)} 上；其环节为 ${e.segments.join('、')}`));
    return;
  }
  const list = w.writableEnterprises();
  // Revenue before any status weighting (a plant under construction keeps its status, so its weight still applies).
  const revenue = enterpriseRevenue({ ...e, status: 'operating' }, 1);
  if (c.segment === undefined || e.segments.length === 1) {
    list[at] = share >= 1 ? { ...e, status: 'closed' } : withRevenue(e, revenue * (1 - share));
    return;
  }
  // One segment of a multi-segment enterprise: the enterprise keeps one record whose revenue shrinks by the closed
  // part of that segment, with explicit segment shares so every other segment keeps its revenue (shares as given in
  // `segmentShares`, the rest split equally, as the gap analysis reads them).
  const shares = segmentSharesOf(e);
  const kept = e.segments.map((s) => revenue * shares.get(s)! * (s === c.segment ? 1 - share : 1));
  const segments = share >= 1 ? e.segments.filter((s) => s !== c.segment) : e.segments;
  const amounts = share >= 1 ? kept.filter((_, j) => e.segments[j] !== c.segment) : kept;
  const total = amounts.reduce((t, x) => t + x, 0);
  const segmentShares: Record<string, number> = {};
  // A share of 0 is not allowed (a segment with nothing left is dropped above); divide by the unrounded total so
  // the shares sum to 1 up to float error.
  segments.forEach((s, j) => {
    if (total > 0 && amounts[j]! > 0) segmentShares[s] = Math.min(1, amounts[j]! / total);
  });
  list[at] = { ...withRevenue(e, total), segments, segmentShares };
}

/** Each segment's share of an enterprise's revenue: its `segmentShares`, the unlisted segments splitting the rest equally. */
function segmentSharesOf(e: Enterprise): Map<string, number> {
  const given = e.segmentShares ?? {};
  const listed = e.segments.filter((s) => Object.hasOwn(given, s));
  const rest = Math.max(0, 1 - listed.reduce((t, s) => t + given[s]!, 0));
  const unlisted = e.segments.length - listed.length;
  return new Map(e.segments.map((s) => [s, Object.hasOwn(given, s) ? given[s]! : unlisted > 0 ? rest / unlisted : 0]));
}

function applyPriority(w: Working, c: SetPriorityChange, k: number): void {
  const p = w.priorities ?? w.base.meta.priorities ?? {};
  if (c.industry !== undefined) {
    if (!w.industryIds.has(c.industry)) {
      w.issues.push(issue('unknown-industry', k, 'industry', c.industry, `unknown industry ${q(c.industry)}; see industries.json`, `未知产业 ${q(c.industry)}；见 industries.json`));
      return;
    }
    w.priorities = { ...p, industries: { ...p.industries, [c.industry]: c.weight } };
  } else if (c.segment !== undefined) {
    if (w.unknownSegments([c.segment], k, 'segment')) return;
    w.priorities = { ...p, segments: { ...p.segments, [c.segment]: c.weight } };
  }
}

function applyAddCorrection(w: Working, c: AddCorrectionChange, k: number): void {
  const list = w.corrections ?? [...(w.base.corrections ?? [])];
  const e = c.correction;
  if (list.some((x) => x.id === e.id)) {
    w.issues.push(issue('duplicate-id', k, 'correction.id', e.id, `a correction with id ${q(e.id)} already exists`, `更正记录 id ${q(e.id)} 已存在`));
    return;
  }
  if (w.unknownSegments([e.segment], k, 'correction.segment')) return;
  w.corrections = [...list, e];
}

function applyRemoveCorrections(w: Working, c: RemoveCorrectionsChange, k: number): void {
  const list = w.corrections ?? w.base.corrections ?? [];
  if (c.ids === undefined) {
    w.corrections = [];
    return;
  }
  const have = new Set(list.map((x) => x.id));
  let bad = false;
  c.ids.forEach((id, j) => {
    if (have.has(id)) return;
    bad = true;
    w.issues.push(issue('unknown-correction', k, `ids.${j}`, id, `unknown correction ${q(id)}; see corrections.json`, `未知更正记录 ${q(id)}；见 corrections.json`));
  });
  if (bad) return;
  const drop = new Set(c.ids);
  w.corrections = list.filter((x) => !drop.has(x.id));
}

function applyOne(w: Working, c: Change, k: number): void {
  switch (c.type) {
    case 'land':
      return applyLand(w, c, k);
    case 'add-enterprise':
      return applyAddEnterprise(w, c, k);
    case 'close-enterprise':
      return applyClose(w, c, k);
    case 'set-priority':
      return applyPriority(w, c, k);
    case 'set-weights':
      w.weights = (c.preset ?? c.weights) as WeightsSpec;
      return;
    case 'exclude':
      c.companies.forEach((id, j) => {
        if (w.companyById.has(id)) w.excluded.add(id);
        else w.issues.push(issue('unknown-company', k, `companies.${j}`, id, `unknown company ${q(id)}; see companies.json`, `未知企业 ${q(id)}；见 companies.json`));
      });
      return;
    case 'add-correction':
      return applyAddCorrection(w, c, k);
    case 'remove-corrections':
      return applyRemoveCorrections(w, c, k);
  }
}

/**
 * Apply a validated scenario's changes in order to a dataset, checking every reference; never mutates the input.
 *
 * @throws {ScenarioError} listing every problem (change index and field)
 */
export function applyChanges(dataset: Dataset, scenario: Scenario): AppliedScenario {
  const w = new Working(dataset, scenario.name);
  scenario.changes.forEach((c, k) => applyOne(w, c, k));
  const [first, ...rest] = w.issues;
  if (first !== undefined) throw new ScenarioError(scenario.name, [first, ...rest]);
  const changed = w.enterprises !== undefined || w.priorities !== undefined || w.corrections !== undefined;
  const out: Dataset = !changed
    ? dataset
    : {
        ...dataset,
        ...(w.enterprises !== undefined ? { enterprises: w.enterprises } : {}),
        ...(w.priorities !== undefined ? { meta: { ...dataset.meta, priorities: w.priorities } } : {}),
        ...(w.corrections !== undefined ? { corrections: w.corrections } : {}),
      };
  return { dataset: out, landed: w.landed, excluded: [...w.excluded].sort(), ...(w.weights !== undefined ? { weights: w.weights } : {}) };
}
