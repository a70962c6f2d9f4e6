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

/**
 * Merge a duplicate into a company: the first keeps its id, name and every value it has; missing
 * values come from the duplicate; lists (aliases, products, lists, segments, signals, ties, risks)
 * are united; both sources and notes are kept, joined with '; '. The duplicate's name becomes an alias.
 *
 * @param into - the record that stays
 * @param from - its duplicate
 * @returns a new merged record (inputs unchanged)
 * @example
 * mergeCompanies(a, b).source; // 'import:a.csv row 2; import:a.csv row 9'
 */
export function mergeCompanies(into: Company, from: Company): Company {
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

function stripUndefined(c: Company): Partial<Company> {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Partial<Company>;
}
