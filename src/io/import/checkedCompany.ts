import { CompanyList, Ownership, Company } from '../../schema/company.js';
import { Confidence, RevenueBand } from '../../schema/common.js';

// Why this exists: an import runs `Company.safeParse` once per row, and at 100,000 rows the zod parse of
// records our own code has just built from checked cells was about a tenth of the import. This is a
// cheaper test that is a SUFFICIENT condition for the schema: when it passes, `Company.safeParse` would
// succeed and return the same record (same values, same key order); when it cannot tell, the caller
// runs the zod parse as before, so every rejection (and its issue text) still comes from the schema.
// test/io/import/checkedCompany.test.ts checks both against `Company.safeParse` on generated records.

/** The schema's keys in its order: zod returns a parsed object's keys in this order. */
const KEYS: readonly string[] = Object.keys(Company.shape);
/** Keys the schema requires (its parse of a missing value fails). */
const REQUIRED: readonly string[] = KEYS.filter((k) => !(Company.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[k]!.safeParse(undefined).success);
const IS_REQUIRED: readonly boolean[] = KEYS.map((k) => REQUIRED.includes(k));
const OWNERSHIP: ReadonlySet<unknown> = new Set(Ownership.options);
const LISTS: ReadonlySet<unknown> = new Set(CompanyList.options);
const CONFIDENCE: ReadonlySet<unknown> = new Set(Confidence.options);
const BANDS: ReadonlySet<unknown> = new Set(RevenueBand.options);
// The same patterns as `Id` and `PartialDate` in src/schema/common.ts.
const ID = /^[a-z0-9][a-z0-9._-]*$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** `Text`: a string that is non-empty and already trimmed (the schema trims, then requires one character). */
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.trim().length === v.length;
const isId = (v: unknown): boolean => typeof v === 'string' && v.length <= 120 && ID.test(v) && v !== 'constructor' && v !== 'prototype';
const isString = (v: unknown): boolean => typeof v === 'string';
function isArrayOf(v: unknown, each: (x: unknown) => boolean): boolean {
  // A plain array only: the parse returns plain arrays, and the result may share this one.
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
  for (let i = 0; i < v.length; i++) if (!(i in v) || !each(v[i])) return false;
  return true;
}

const SCHEMES: ReadonlySet<unknown> = new Set(['gb4754', 'sw2021', 'csrc2012', 'vendor']);
const LABEL_KEYS = ['scheme', 'level', 'code', 'name'];
/** An `IndustryLabel` exactly as the parse returns it: a plain object, known keys in schema order, values in range. */
function isIndustryLabel(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const o = v as Record<string, unknown>;
  let at = -1;
  for (const k of Object.keys(o)) {
    const i = LABEL_KEYS.indexOf(k);
    if (i <= at) return false;
    at = i;
  }
  if (!SCHEMES.has(o.scheme)) return false;
  if ('level' in o && !(typeof o.level === 'number' && Number.isInteger(o.level) && o.level >= 1 && o.level <= 4)) return false;
  if ('code' in o && !(typeof o.code === 'string' && o.code.length <= 16)) return false;
  return !('name' in o) || (typeof o.name === 'string' && o.name.length <= 200);
}

/** Per key, a test under which the schema accepts the value unchanged. Keys without one go to zod. */
const CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  id: isId,
  name: isText,
  nameEn: isString,
  aliases: (v) => isArrayOf(v, isText),
  ownership: (v) => OWNERSHIP.has(v),
  segments: (v) => isArrayOf(v, isId),
  products: (v) => isArrayOf(v, isText),
  businessScope: isString,
  industryCode: isString,
  industryLabels: (v) => isArrayOf(v, isIndustryLabel),
  industries: (v) => isArrayOf(v, isId),
  local: (v) => typeof v === 'boolean',
  registeredCapital: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000,
  employees: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10_000_000,
  revenue: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000,
  revenueBand: (v) => BANDS.has(v),
  revenueYear: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1950 && v <= 2100,
  revenueEstimated: (v) => typeof v === 'boolean',
  lists: (v) => isArrayOf(v, (x) => LISTS.has(x)),
  stockCode: isString,
  note: isString,
  source: isText,
  confidence: (v) => CONFIDENCE.has(v),
  asOf: (v) => typeof v === 'string' && PARTIAL_DATE.test(v),
};

/** Position of each key in the schema. */
const POSITION: ReadonlyMap<string, number> = new Map(KEYS.map((k, i) => [k, i]));

/** `HqLocation` as the schema returns it (country?, province, city): the object itself when already so, else a copy; undefined when unsure. */
function hqOf(v: unknown): Company['hq'] | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const hq = v as Record<string, unknown>;
  const keys = Object.keys(hq);
  for (const k of keys) if (k !== 'country' && k !== 'province' && k !== 'city') return undefined;
  if (!isText(hq.province) || !isText(hq.city)) return undefined;
  if ('country' in hq && typeof hq.country !== 'string') return undefined;
  const inOrder = Object.getPrototypeOf(hq) === Object.prototype && (keys.length === 2 ? keys[0] === 'province' : keys.length === 3 && keys[0] === 'country' && keys[1] === 'province');
  if (inOrder) return hq as Company['hq'];
  return 'country' in hq ? { country: hq.country as string, province: hq.province, city: hq.city } : { province: hq.province, city: hq.city };
}

/**
 * The company `Company.safeParse(candidate)` would return, without running the parse, when the
 * candidate (a plain object built by the importer) is plainly valid; undefined when this cheaper test
 * cannot tell, and then the caller must run the schema. The result equals the parse's (same values, same
 * key order); it is the candidate itself when its keys are already in the schema's order (arrays are
 * shared with it, where the parse would copy them), else a copy in that order.
 *
 * @param candidate - a record built from one imported row
 * @returns the parsed company, or undefined to fall back to `Company.safeParse`
 * @example
 * checkedCompany({ id: 'a-1', name: '某公司', hq: { province: '山东省', city: '聊城市' }, ownership: 'private',
 *   source: 'import:a.csv row 2', confidence: 'medium', asOf: '2025' }); // the same record
 */
export function checkedCompany(candidate: Readonly<Record<string, unknown>>): Company | undefined {
  const keys = Object.keys(candidate);
  let last = -1;
  let ordered = true;
  let required = 0;
  let hq: Company['hq'] | undefined;
  for (const k of keys) {
    const at = POSITION.get(k);
    // A key the schema does not know would be stripped by the parse: leave that case to zod.
    if (at === undefined) return undefined;
    if (at < last) ordered = false;
    last = at;
    if (IS_REQUIRED[at]) required++;
    const v = candidate[k];
    if (k === 'hq') {
      hq = hqOf(v);
      if (hq === undefined) return undefined;
      if (hq !== v) ordered = false;
      continue;
    }
    const check = CHECKS[k];
    if (check === undefined || !check(v)) return undefined;
  }
  // A missing required key rejects: leave it to zod.
  if (required !== REQUIRED.length || hq === undefined) return undefined;
  // The parse returns a plain object: reuse the candidate only when it is one.
  if (ordered && Object.getPrototypeOf(candidate) === Object.prototype) return candidate as Company;
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (k in candidate) out[k] = k === 'hq' ? hq : candidate[k];
  return out as Company;
}
