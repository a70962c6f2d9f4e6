import { keyOfSimplified, type PlaceList } from '../../match/companyKey.js';
import { companyIdFor } from '../../match/companyIdFor.js';
import { normalizeText } from '../../match/normalizeText.js';
import { toSimplified } from '../../match/toSimplified.js';
import { Id, REVENUE_BANDS, type RevenueBand } from '../../schema/common.js';
import { Company } from '../../schema/company.js';
import { isBlankRow, isFormula, isTotalLabel } from './cellRules.js';
import { checkedCompany } from './checkedCompany.js';
import { industryLabelsOf } from './industryLabelsOf.js';
import type { PlaceResolver } from './createPlaceResolver.js';
import type { FieldColumns } from './fieldColumns.js';
import type { ResolvedImportOptions } from './importOptions.js';
import { listsOf } from './listsOf.js';
import { ownershipOf } from './ownershipOf.js';
import { parseAmount, type AmountUnit, type ExchangeRates } from './parseAmount.js';
import { parsePartialDate } from './parsePartialDate.js';
import type { RawRow } from './rawTable.js';
import { rowCells, type RowCells } from './rowCells.js';
import type { ImportField, ImportWarningCode, RejectCode } from './types.js';

/** What every row needs, built once per import. */
export interface RowContext {
  readonly options: ResolvedImportOptions;
  readonly fileName: string;
  readonly columns: FieldColumns;
  readonly places: PlaceList;
  readonly resolver: PlaceResolver;
  /** Segment id, name and English name (lower-case) → id. */
  readonly segmentIds: ReadonlyMap<string, string>;
  readonly defaultUnit: AmountUnit;
  readonly rates: ExchangeRates;
  /** Per-character cache of `companyIdFor` (slug parts), local to one import. */
  readonly pinyinCache: Map<string, string>;
  /** The dataset's own city (province and city): a row there is a local enterprise, not a target. */
  readonly home?: { readonly province: string; readonly city: string; readonly places: ReadonlySet<string> };
}

/** A problem that rejects the row. */
export interface RowProblem {
  readonly column: string;
  readonly value: string;
  readonly code: RejectCode;
  readonly detail?: string;
}

/** A warning about the row. */
export interface RowNote {
  readonly code: ImportWarningCode;
  readonly value?: string;
  /** The column header, when the note is about one cell. */
  readonly column?: string;
}

/** A row made into a company, or the reasons it could not be. */
export type RowOutcome =
  | { readonly kind: 'company'; readonly company: Company; readonly creditCode: string | undefined; readonly notes: readonly RowNote[] }
  | { readonly kind: 'rejected'; readonly problems: readonly RowProblem[]; readonly notes: readonly RowNote[]; readonly name?: string };

/** Largest plausible amount (亿元): ten times the revenue of the largest company in the world. */
const MAX_YI = 100_000;
const INACTIVE = /注销|吊销|撤销|停业|清算|歇业|迁出|deregistered|revoked|dissolved/i;
const BARE_LEGAL_FORM = /^(有限|股份|集团|公司|有限公司|股份有限公司|有限责任公司|总公司|分公司)$/;
const SPLIT = /[,;|/、，；\n]+/;

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const BANDS = Object.entries(REVENUE_BANDS) as [RevenueBand, { min: number; max: number }][];
function bandOf(yi: number): RevenueBand {
  return BANDS.find(([, b]) => yi >= b.min && yi < b.max)![0];
}

/** Turn one data row into a `Company` (valid against the schema) or a list of reasons. */
export function rowToCompany(raw: RawRow, ctx: RowContext): RowOutcome {
  const problems: RowProblem[] = [];
  const notes: RowNote[] = [];
  if (isBlankRow(raw.cells)) return { kind: 'rejected', problems: [{ column: '', value: '', code: 'empty-row' }], notes };
  if (raw.malformed !== undefined) {
    // The name cell as the line splits, so the report says which company the broken line was about (best effort).
    const at = ctx.columns.single.get('name')?.index;
    const name = at !== undefined ? raw.cells[at]?.trim() : undefined;
    return { kind: 'rejected', problems: [{ column: '', value: rowTextOf(raw), code: 'malformed-row', detail: raw.malformed }], notes, ...(name !== undefined && name.length > 0 ? { name } : {}) };
  }
  // Text cells holding formulas are dropped, once per cell (the name's formula rejects the row, below).
  const cells = rowCells(raw.cells, ctx.columns, notes);

  const nameCell = cells.cell('name');
  const firstCell = normalizeText(raw.cells.find((c) => c.trim().length > 0) ?? '');
  if ((nameCell !== undefined && isTotalLabel(nameCell.text)) || isTotalLabel(firstCell)) {
    return { kind: 'rejected', problems: [{ column: '', value: rowTextOf(raw), code: 'total-row' }], notes };
  }
  const nameHeader = ctx.columns.single.get('name')?.header ?? '';
  // The header again (files pasted one under another, a header repeated on every printed page): its name cell is
  // the name column's own header.
  if (nameCell !== undefined && nameHeader.length > 0 && normalizeText(nameCell.text) === normalizeText(nameHeader)) {
    return { kind: 'rejected', problems: [{ column: nameHeader, value: rowTextOf(raw), code: 'header-row' }], notes };
  }
  let name = '';
  let simplified = '';
  let key = '';
  if (nameCell === undefined) problems.push({ column: nameHeader, value: '', code: 'missing-name' });
  else if (isFormula(nameCell.text)) problems.push({ column: nameHeader, value: nameCell.text, code: 'formula-in-cell' });
  else {
    name = nameCell.text;
    simplified = toSimplified(name);
    key = keyOfSimplified(simplified, ctx.places);
    if (key.length < 2 || BARE_LEGAL_FORM.test(simplified) || /^[\d\s.,-]+$/.test(name) || name.length > 200) {
      problems.push({ column: nameHeader, value: name, code: 'invalid-name' });
    }
  }
  const status = cells.cell('status');
  if (status !== undefined && INACTIVE.test(status.text)) problems.push({ column: status.header, value: status.text, code: 'inactive-company' });

  const revenue = amountOf('revenue', cells, ctx, problems, notes);
  const capital = amountOf('registeredCapital', cells, ctx, problems, notes);

  // Assigned, not spread from one small object per field: this runs once per row.
  const placeInput: { province?: string; city?: string; county?: string; address?: string; name: string } = { name };
  const provinceText = cells.text('province');
  if (provinceText !== undefined) placeInput.province = provinceText;
  const cityText = cells.text('city');
  if (cityText !== undefined) placeInput.city = cityText;
  const countyText = cells.text('county');
  if (countyText !== undefined) placeInput.county = countyText;
  const addressText = cells.text('address');
  if (addressText !== undefined) placeInput.address = addressText;
  const place = ctx.resolver.resolve(placeInput);
  if (place.unlisted !== undefined) notes.push({ code: 'unknown-city', value: place.unlisted });
  if (place.hq !== undefined && place.provinceOnly === true) notes.push({ code: 'province-only-hq', value: place.hq.province });
  if (place.hq === undefined) {
    const given = ['province', 'city', 'county', 'address'].map((f) => cells.cell(f as ImportField)?.text).filter((x) => x !== undefined).join(' ');
    problems.push({ column: ctx.columns.single.get('city')?.header ?? '', value: given, code: 'missing-location', detail: given.length > 0 ? given : '—' });
  }
  if (problems.length > 0) return { kind: 'rejected', problems, notes, ...(nameCell !== undefined ? { name: nameCell.text } : {}) };
  return build(raw, ctx, { name, simplified, key, revenue, capital, hq: place.hq!, cells, notes });
}

/** The row's non-empty cells joined, for messages about the whole row. */
function rowTextOf(raw: RawRow): string {
  return raw.cells.filter((c) => c.trim().length > 0).join(' | ').slice(0, 80);
}

/** Read an amount cell into 亿元; a bad value rejects the row or is dropped with a note (per `invalidValues`). */
function amountOf(f: 'revenue' | 'registeredCapital', cells: RowCells, ctx: RowContext, problems: RowProblem[], notes: RowNote[]): Amount | undefined {
  const c = cells.cell(f);
  const plan = ctx.columns.single.get(f);
  if (c === undefined || plan === undefined) return undefined;
  const parsed = parseAmount(c.text, plan.unit ?? ctx.defaultUnit, ctx.rates);
  if (parsed.kind === 'missing') return undefined;
  if (parsed.kind === 'error') return amountFailed(c, ctx, problems, notes, parsed.code);
  if (!Number.isFinite(parsed.yi) || parsed.yi > MAX_YI) return amountFailed(c, ctx, problems, notes, 'absurd-amount', Number.isFinite(parsed.yi) ? parsed.yi.toExponential(2) : '∞');
  if (parsed.unitAssumed && plan.unit === undefined) notes.push({ code: 'unit-assumed', value: ctx.defaultUnit.label });
  const cur = parsed.unit.currency;
  return { yi: parsed.yi, estimated: parsed.estimated, text: c.text, unit: cur === 'CNY' ? parsed.unit.label : `${parsed.unit.label}，按 1 ${cur} = ${ctx.rates[cur]} 元人民币折算` };
}

/** A bad amount: the row is rejected, or the value dropped with a note, per `invalidValues`. */
function amountFailed(c: { text: string; header: string }, ctx: RowContext, problems: RowProblem[], notes: RowNote[], code: RejectCode, detail?: string): undefined {
  if (ctx.options.invalidValues === 'reject') problems.push({ column: c.header, value: c.text, code, ...(detail !== undefined ? { detail } : {}) });
  else notes.push({ code: 'invalid-value-dropped', value: c.text, column: c.header });
  return undefined;
}

/** An amount cell read into 亿元, with what was written and in which unit. */
interface Amount {
  readonly yi: number;
  readonly estimated: boolean;
  readonly text: string;
  readonly unit: string;
}

interface Parts {
  readonly name: string;
  readonly simplified: string;
  readonly key: string;
  readonly revenue: Amount | undefined;
  readonly capital: Amount | undefined;
  readonly hq: Company['hq'];
  readonly cells: RowCells;
  readonly notes: RowNote[];
}

function build(raw: RawRow, ctx: RowContext, p: Parts): RowOutcome {
  const { cells, notes } = p;
  const typeText = cells.text('companyType');
  const ownership = typeText !== undefined ? ownershipOf(typeText) : undefined;
  if (ownership === undefined) notes.push({ code: 'ownership-assumed' });
  const stockCode = cells.text('stockCode');
  const lists = listsOf(cells.text('lists'), cells.text('listed'), stockCode);
  for (const u of lists.unknown) notes.push({ code: 'unknown-list', value: u });
  const segments: string[] = [];
  const segmentText = cells.text('segments');
  for (const s of segmentText === undefined ? [] : segmentText.split(SPLIT).map((x) => x.trim()).filter((x) => x.length > 0)) {
    const id = ctx.segmentIds.get(s.toLowerCase());
    if (id !== undefined) segments.push(id);
    else notes.push({ code: 'unknown-segment', value: s });
  }
  const aliases = [...new Set([...(p.simplified !== p.name ? [p.simplified] : []), ...(cells.text('aliases') ?? '').split(SPLIT).map((a) => a.trim())])].filter((a) => a.length > 0 && a !== p.name);
  const products = [...new Set((cells.text('products') ?? '').split(SPLIT).map((x) => x.trim()).filter((x) => x.length > 0))].slice(0, 50);
  const creditCode = cells.text('creditCode')?.toUpperCase().replace(/\s/g, '');
  const founded = cells.text('founded');
  const foundedDate = founded !== undefined ? parsePartialDate(founded) : undefined;
  if (founded !== undefined && foundedDate === undefined) notes.push({ code: 'invalid-date', value: founded, column: ctx.columns.single.get('founded')?.header ?? '' });
  const idText = cells.text('id');
  const year = ctx.columns.single.get('revenue')?.year ?? ctx.options.revenueYear;
  const yearText = cells.text('revenueYear');
  const revenueYear = yearText !== undefined && /^(19|20)\d{2}/.test(yearText) ? Number(yearText.slice(0, 4)) : year;
  const noteParts = [
    creditCode !== undefined ? `统一社会信用代码 ${creditCode}` : undefined,
    p.capital !== undefined ? `注册资本 ${round(p.capital.yi)}亿元（原文“${p.capital.text}”，单位 ${p.capital.unit}）` : undefined,
    p.revenue !== undefined ? `营业收入 ${round(p.revenue.yi)}亿元（原文“${p.revenue.text}”，单位 ${p.revenue.unit}）` : undefined,
    foundedDate !== undefined ? `成立日期 ${foundedDate}` : undefined,
    cells.text('county') !== undefined ? `区县 ${cells.text('county')}` : undefined,
    // The schema needs an ownership; an export without 企业类型 gets 民营, said on the record, not only in the report.
    ownership === undefined ? '企业类型未知，所有制暂按民营企业计（待核实）' : undefined,
    cells.text('website') !== undefined ? `网址 ${cells.text('website')}` : undefined,
    cells.text('note'),
  ].filter((x): x is string => x !== undefined);
  const nameEn = cells.text('nameEn');
  const businessScope = cells.text('businessScope');
  const industryCode = cells.text('industryCode');
  const industryLabels = industryLabelsOf((f) => cells.text(f));
  const employees = employeesOf(cells, notes);
  const local = ctx.home !== undefined && ctx.home.places.has(p.hq.city) && p.hq.province === ctx.home.province;
  if (local) notes.push({ code: 'local-enterprise', value: p.name });
  const proxy = p.revenue === undefined ? sizeFromProxies(employees, p.capital?.yi, lists.lists.includes('listed')) : undefined;
  // Built by assignment, not by spreading one small object per optional field (this runs once per row),
  // and in the schema's key order, which is the order its parse returns: `checkedCompany` can then
  // return this very object.
  const candidate: Record<string, unknown> = {
    id: idText !== undefined && Id.safeParse(idText).success ? idText : companyIdFor(p.key, ctx.pinyinCache),
    name: p.name,
  };
  if (nameEn !== undefined) candidate.nameEn = nameEn;
  if (aliases.length > 0) candidate.aliases = aliases;
  candidate.hq = p.hq;
  candidate.ownership = ownership ?? 'private';
  if (segments.length > 0) candidate.segments = [...new Set(segments)];
  if (products.length > 0) candidate.products = products;
  if (businessScope !== undefined) candidate.businessScope = businessScope;
  if (industryCode !== undefined) candidate.industryCode = industryCode;
  if (industryLabels.length > 0) candidate.industryLabels = industryLabels;
  if (local) candidate.local = true;
  if (p.revenue !== undefined) {
    candidate.revenue = round(p.revenue.yi);
    candidate.revenueBand = bandOf(p.revenue.yi);
    if (revenueYear !== undefined) candidate.revenueYear = revenueYear;
    if (p.revenue.estimated) candidate.revenueEstimated = true;
  } else if (proxy !== undefined) {
    candidate.revenueBand = proxy.band;
    candidate.revenueEstimated = true;
    noteParts.push(proxy.zh);
  }
  if (p.capital !== undefined) candidate.registeredCapital = round(p.capital.yi);
  if (employees !== undefined) candidate.employees = employees;
  if (lists.lists.length > 0) candidate.lists = lists.lists;
  if (stockCode !== undefined) candidate.stockCode = stockCode;
  if (noteParts.length > 0) candidate.note = noteParts.join('；');
  candidate.source = `import:${ctx.fileName} row ${raw.row}`;
  candidate.confidence = ctx.options.confidence;
  candidate.asOf = ctx.options.asOf;
  // The schema is the contract: a record the cheap sufficient test cannot vouch for goes through zod.
  const fast = checkedCompany(candidate);
  if (fast !== undefined) return { kind: 'company', company: fast, creditCode: creditCode !== undefined && creditCode.length > 0 ? creditCode : undefined, notes };
  const checked = Company.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.join('.');
    return { kind: 'rejected', problems: [{ column: field, value: String(readPath(candidate, issue.path) ?? ''), code: 'invalid-record', detail: `${field}: ${issue.message}` }], notes };
  }
  return { kind: 'company', company: checked.data, creditCode: creditCode !== undefined && creditCode.length > 0 ? creditCode : undefined, notes };
}

function readPath(v: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = v;
  for (const k of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return typeof cur === 'object' ? JSON.stringify(cur) : cur;
}

/** Staff from a 参保人数 / 员工人数 cell ('1,234', '1234人', '500-999人', '少于50人'); a range gives its midpoint. */
function employeesOf(cells: RowCells, notes: RowNote[]): number | undefined {
  const text = cells.text('employees');
  if (text === undefined) return undefined;
  const t = text.replace(/[,，\s]/g, '').replace(/(人|名|people|persons?|employees)$/i, '');
  const range = /^(\d+)(?:-|~|～|至|到)(\d+)(?:人)?$/.exec(t);
  if (range !== null) return Math.round((Number(range[1]) + Number(range[2])) / 2);
  const below = /^(?:少于|小于|不足|<)(\d+)|^(\d+)(?:人)?以下$/.exec(t);
  if (below !== null) return Math.round(Number(below[1] ?? below[2]) / 2);
  const above = /^(?:大于|多于|超过|>|≥)(\d+)|^(\d+)(?:人)?(?:以上|\+)$/.exec(t);
  if (above !== null) return Number(above[1] ?? above[2]);
  if (/^\d+$/.test(t) && Number(t) <= 10_000_000) return Number(t);
  notes.push({ code: 'invalid-value-dropped', value: text, column: '参保人数' });
  return undefined;
}

/**
 * A revenue band estimated from size proxies when the row gives no revenue: staff at about 150万元 of revenue per
 * head (the order of Chinese manufacturing's revenue per employee), else registered capital at about twice its
 * amount, else a listing (the median A-share company has revenue of some 20亿元). Marked as an estimate, with
 * the proxy named in the note.
 */
function sizeFromProxies(employees: number | undefined, capitalYi: number | undefined, listed: boolean): { band: RevenueBand; zh: string } | undefined {
  if (employees !== undefined && employees > 0) {
    return { band: bandOf(employees * 0.015), zh: `营收区间按参保/员工人数 ${employees} 人估算（约150万元/人，估算值）` };
  }
  if (capitalYi !== undefined && capitalYi > 0) {
    return { band: bandOf(Math.min(capitalYi * 2, MAX_YI)), zh: `营收区间按注册资本 ${round(capitalYi)} 亿元估算（约2倍，估算值，可信度低）` };
  }
  if (listed) return { band: '10-50', zh: '营收区间按上市公司中位规模估算（约20亿元，估算值）' };
  return undefined;
}
