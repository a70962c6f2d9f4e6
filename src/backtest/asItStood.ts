import type { Company, Dataset, Enterprise, Signal, Tie } from '../schema/index.js';

/** What identifies one landing when the dataset is rebuilt as it stood before it. */
export interface LandingKeys {
  /** Date of the landing (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** Name fragments of the project, the investor or its local subsidiary (see `ReconstructionEntry.keys`). */
  readonly keys: readonly string[];
  /** Enterprises matched by a key that are older than the landing and stay. */
  readonly keepEnterprises?: readonly string[];
}

/** What `datasetBefore` removed, for the report. */
export interface Removed {
  readonly enterprises: readonly string[];
  /** `companyId: tie type` of every removed tie. */
  readonly ties: readonly string[];
  readonly signals: number;
}

/** First day of a partial date as `YYYY-MM-DD` text (text order = date order). */
export function partialDateStart(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

const YEARS = /(?:19|20)\d{2}/g;

function mentionsYearFrom(text: string, year: number): boolean {
  return (text.match(YEARS) ?? []).some((y) => Number(y) >= year);
}

const containsKey = (text: string | undefined, keys: readonly string[]): boolean => text !== undefined && keys.some((k) => text.includes(k));

/**
 * Rebuild a dataset as it stood before a landing, so the landing cannot explain itself:
 * - local enterprise records created by the landing are dropped: those whose name or parent contains one of the
 *   landing's keys (unless listed in `keepEnterprises`, i.e. known to be older);
 * - ties are dropped when they point to a dropped enterprise, when their text names the project (a key), when
 *   they are dated (`since`) on or after the landing, or, for undated ties, when their text mentions a year on or
 *   after the landing's year (a tie that says "2023年在聊城投资…" cannot have been known before a 2023 landing);
 *   a tie dated before the landing is kept whatever its text says;
 * - signals are dropped when they are dated on or after the landing (start of the partial date) or name the project.
 * Everything else — revenues, lists, older ties — stays as it is now (the data has no history of those).
 * Pure: the input is not modified.
 *
 * @returns the rebuilt dataset and what was removed
 * @example
 * const { dataset, removed } = datasetBefore(liaocheng(), { date: '2023', keys: ['哈轴', '哈尔滨轴承'] });
 * removed.enterprises; // ['hrb-linqing']
 */
export function datasetBefore(dataset: Dataset, landing: LandingKeys): { dataset: Dataset; removed: Removed } {
  const keep = new Set(landing.keepEnterprises ?? []);
  const year = Number(landing.date.slice(0, 4));
  const start = partialDateStart(landing.date);
  const droppedEnterprises = new Set(
    dataset.enterprises.filter((e) => !keep.has(e.id) && (containsKey(e.name, landing.keys) || containsKey(e.parent, landing.keys))).map((e) => e.id),
  );
  const removedTies: string[] = [];
  let removedSignals = 0;
  const tieCreated = (t: Tie): boolean =>
    (t.enterprise !== undefined && droppedEnterprises.has(t.enterprise)) ||
    containsKey(t.text, landing.keys) ||
    (t.since !== undefined ? partialDateStart(t.since) >= start : mentionsYearFrom(t.text, year));
  const signalAfter = (s: Signal): boolean => partialDateStart(s.date) >= start || containsKey(s.text, landing.keys);
  const companies: Company[] = dataset.companies.map((c) => {
    const ties = c.ties?.filter((t) => {
      const drop = tieCreated(t);
      if (drop) removedTies.push(`${c.id}: ${t.type}`);
      return !drop;
    });
    const signals = c.signals?.filter((s) => {
      const drop = signalAfter(s);
      if (drop) removedSignals += 1;
      return !drop;
    });
    if (ties?.length === c.ties?.length && signals?.length === c.signals?.length) return c;
    return { ...c, ...(ties !== undefined ? { ties } : {}), ...(signals !== undefined ? { signals } : {}) };
  });
  const enterprises: Enterprise[] = dataset.enterprises.filter((e) => !droppedEnterprises.has(e.id));
  return {
    dataset: { ...dataset, companies, enterprises },
    removed: { enterprises: [...droppedEnterprises].sort(), ties: removedTies, signals: removedSignals },
  };
}

/**
 * The same dataset with every company tie removed (the "no ties at all" variant of the backtest).
 *
 * @example
 * withoutTies(liaocheng()).companies.every((c) => (c.ties ?? []).length === 0); // true
 */
export function withoutTies(dataset: Dataset): Dataset {
  return { ...dataset, companies: dataset.companies.map((c) => (c.ties === undefined ? c : { ...c, ties: [] })) };
}

/** Ties dropped from a list of companies (not from a dataset), for imported candidates. */
export function companiesWithoutTies(companies: readonly Company[]): Company[] {
  return companies.map((c) => (c.ties === undefined ? c : { ...c, ties: [] }));
}
