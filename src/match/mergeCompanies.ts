import type { Company } from '../schema/company.js';

function union<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, keyOf: (x: T) => string = String): T[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of [...(a ?? []), ...(b ?? [])]) {
    const k = keyOf(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

function joinText(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || a === b) return a ?? b;
  if (b === undefined || a.split('; ').includes(b)) return a;
  return `${a}; ${b}`;
}

/** Options of `mergeCompanies`. */
export interface MergeOptions {
  /**
   * Whose values win where both records have one: 'into' (default: the record that stays) or 'from' (the duplicate,
   * e.g. a newer import merged into a curated record). The id and name always stay; a value replaced is written into
   * the note with both sources.
   */
  readonly prefer?: 'into' | 'from';
}

// Scalar facts that a newer record may update (the id, name, provenance and lists are handled apart).
const UPDATABLE: readonly (keyof Company)[] = ['nameEn', 'hq', 'ownership', 'businessScope', 'industryCode', 'industryLabels', 'growth', 'stockCode', 'registeredCapital', 'employees'];

/**
 * Merge a duplicate into a company: the first keeps its id, name and every value it has (or, with
 * `prefer: 'from'`, takes the duplicate's newer values and notes the old ones — except that an estimated revenue
 * never replaces a stated one); missing values come from the
 * other; lists (aliases, products, lists, segments, signals, ties, risks) are united; both sources and notes are
 * kept, joined with '; '. The duplicate's name becomes an alias.
 *
 * @param into - the record that stays
 * @param from - its duplicate
 * @param options - `{ prefer }`
 * @returns a new merged record (inputs unchanged)
 * @example
 * mergeCompanies(a, b).source; // 'import:a.csv row 2; import:a.csv row 9'
 * mergeCompanies(curated, imported, { prefer: 'from' }).revenue; // the imported revenue; the curated one is in the note
 */
export function mergeCompanies(into: Company, from: Company, options?: MergeOptions): Company {
  if (options?.prefer === 'from') return mergePreferringNewer(into, from);
  const merged: Company = { ...from, ...stripUndefined(into) };
  const aliases = union(into.aliases, [...(from.name !== into.name ? [from.name] : []), ...(from.aliases ?? [])])?.filter((a) => a !== into.name);
  const json = (x: unknown): string => JSON.stringify(x);
  const out: Company = {
    ...merged,
    source: joinText(into.source, from.source) ?? into.source,
  };
  const set = <K extends keyof Company>(k: K, v: Company[K] | undefined): void => {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete out[k];
    else out[k] = v;
  };
  if (into.revenue !== undefined || into.revenueBand !== undefined) {
    // Revenue fields travel together: never pair one record's revenue with another's band or year.
    set('revenue', into.revenue);
    set('revenueBand', into.revenueBand);
    set('revenueYear', into.revenueYear);
    set('revenueEstimated', into.revenueEstimated);
  }
  set('aliases', aliases);
  set('products', union(into.products, from.products));
  set('lists', union(into.lists, from.lists));
  set('segments', union(into.segments, from.segments));
  set('signals', union(into.signals, from.signals, json));
  set('ties', union(into.ties, from.ties, json));
  set('risks', union(into.risks, from.risks, json));
  set('note', joinText(into.note, from.note));
  return out;
}

function mergePreferringNewer(into: Company, from: Company): Company {
  const base = mergeCompanies(into, from);
  const out: Company = { ...base };
  const replaced: string[] = [];
  const show = (v: unknown): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  for (const k of UPDATABLE) {
    const a = into[k];
    const b = from[k];
    if (b === undefined || show(a) === show(b)) continue;
    if (a !== undefined) replaced.push(`${k} ${show(a)}`);
    (out as Record<string, unknown>)[k] = b;
  }
  // A newer estimate (a band from 参保人数 or 注册资本) is not a newer fact: it never replaces a stated revenue or band.
  const intoHasRevenue = into.revenue !== undefined || into.revenueBand !== undefined;
  const fromHasRevenue = from.revenue !== undefined || from.revenueBand !== undefined;
  if (fromHasRevenue && from.revenueEstimated === true && intoHasRevenue && into.revenueEstimated !== true) {
    const kept = into.revenue !== undefined ? `${into.revenue}亿元` : into.revenueBand;
    const estimate = from.revenue !== undefined ? `${from.revenue}亿元` : from.revenueBand;
    const note = `导入的营收为估计值（${estimate}，来源：${from.source}），保留原值 ${kept}（来源：${into.source}）`;
    out.note = joinText(out.note, note) ?? note;
  } else if (fromHasRevenue) {
    const old = into.revenue !== undefined ? `${into.revenue}亿元${into.revenueYear !== undefined ? `（${into.revenueYear}）` : ''}` : into.revenueBand;
    const now = from.revenue !== undefined ? `${from.revenue}亿元` : from.revenueBand;
    if (old !== undefined && old !== now) replaced.push(`营收 ${old}`);
    for (const k of ['revenue', 'revenueBand', 'revenueYear', 'revenueEstimated'] as const) {
      if (from[k] !== undefined) (out as Record<string, unknown>)[k] = from[k];
      else delete out[k];
    }
  }
  if (replaced.length > 0) {
    const note = `导入值较新，已替换原值（原来源：${into.source}；新来源：${from.source}）：${replaced.join('，')}`;
    out.note = joinText(out.note, note) ?? note;
  }
  return out;
}

function stripUndefined(c: Company): Partial<Company> {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Partial<Company>;
}
