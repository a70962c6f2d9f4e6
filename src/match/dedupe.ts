import * as z from 'zod';
import { UsageError } from '../errors.js';
import type { Company } from '../schema/company.js';
import { createNameIndex } from './createNameIndex.js';
import { companyKey, isBranchName, placeListFor } from './companyKey.js';
import { mergeCompanies } from './mergeCompanies.js';
import { normalizeText } from './normalizeText.js';
import { toSimplified } from './toSimplified.js';
import type { MergeConfidence, MergeReason } from './types.js';

/** Options of `dedupe`. */
export const DedupeOptionsSchema = z.object({
  /** Companies already known (a dataset's): duplicates merge into them first. */
  against: z.array(z.custom<Company>((v) => typeof v === 'object' && v !== null)).readonly().optional(),
  /** Leading place names stripped from names (a dataset's cities). */
  places: z.array(z.string()).readonly().optional(),
  /** A registration id per company (统一社会信用代码), by position in `companies`: equal ids merge, different ids never do. */
  registrationIds: z.array(z.string().optional()).readonly().optional(),
  /** Lowest confidence that merges; lower ones are only reported as possible duplicates. */
  minConfidence: z.enum(['high', 'medium', 'low']).default('medium'),
  /**
   * Bigram Dice similarity from which two names are a possible (fuzzy) duplicate: the key of the later one against
   * the earlier one's key or one of its aliases' keys, the best of them (see `NameIndex`); 1 turns the fuzzy pass off.
   */
  fuzzyAt: z.number().min(0).max(1).default(0.8),
});
export type DedupeOptions = z.input<typeof DedupeOptionsSchema>;

/** One merge: the company at `index` went into the record with id `into`. */
export interface MergeRecord {
  readonly index: number;
  readonly into: string;
  /** Position of the surviving record in `companies`, or undefined when it is one of `against`. */
  readonly intoIndex: number | undefined;
  readonly confidence: MergeConfidence;
  readonly reason: MergeReason;
}

/** A pair that looks alike but was not merged (low confidence, different cities, or different registration ids). */
export interface PossibleDuplicate {
  readonly index: number;
  readonly other: string;
  readonly otherIndex: number | undefined;
  readonly score: number;
  readonly reason: 'fuzzy' | 'other-city' | 'other-registration';
}

/** Result of `dedupe`. */
export interface DedupeResult {
  /** The surviving input companies, merged, in input order. */
  readonly companies: Company[];
  /** Copies of `against` companies that received merges, in `against` order. */
  readonly updated: Company[];
  readonly merges: MergeRecord[];
  readonly possible: PossibleDuplicate[];
}

const RANK: Record<MergeConfidence, number> = { high: 3, medium: 2, low: 1 };
const sameCity = (a: Company, b: Company): boolean => a.hq.city === b.hq.city && a.hq.province === b.hq.province && (a.hq.country ?? '中国') === (b.hq.country ?? '中国');
/**
 * A full registered company name, as a 曾用名 is: it ends with a legal form (…有限公司, …集团公司, …合作社, Ltd …), or with
 * 公司/厂 after at least four characters. A 简称 or brand is not one, even when it ends with 集团 (创新集团).
 */
const REGISTERED_NAME = /(有限公司|有限责任公司|股份公司|集团公司|总公司|合作社|.{4,}公司|.{4,}厂|company|co\.?,? ?ltd\.?|limited|inc\.?|corporation|gmbh|ag)$/i;

/** The record under its current name, its old name kept as an alias. */
function renamed(c: Company, name: string): Company {
  if (c.name === name) return c;
  const aliases = [...new Set([...(c.aliases ?? []).filter((a) => a !== name), c.name])];
  return { ...c, name, aliases };
}
const formerNames = (c: Company): readonly string[] => (c.aliases ?? []).filter((a) => REGISTERED_NAME.test(toSimplified(normalizeText(a)).replace(/[\s()（）]+$/, '')) && a !== c.name);

const plainName = (n: string): string => toSimplified(normalizeText(n)).toLowerCase().replace(/[\s()]/g, '');

/**
 * Merge duplicate companies within a list and against known ones. Same registration id → high;
 * same name → high; same key (names differing only in legal form, brackets, width, script or leading
 * place) in the same city → medium; similar keys (bigram Dice ≥ `fuzzyAt` against the earlier record's key or an alias's) in the same city
 * → low, reported as possible only unless `minConfidence` is 'low'; a branch (…分公司) merges into its parent in any
 * city (medium, 'branch'). Into a known company (`against`) the imported values win, the old ones kept in the
 * note with both sources (see `mergeCompanies`). Every merge is reported; the merged
 * record keeps every source (see `mergeCompanies`). Candidates come from an n-gram index, never all pairs.
 *
 * @param companies - the companies to deduplicate (e.g. one import)
 * @param options - `{ against, places, registrationIds, minConfidence, fuzzyAt }`
 * @returns survivors, updated known companies, merges and possible duplicates
 * @throws {UsageError} OPTIONS_INVALID when options are malformed
 * @example
 * dedupe([a, b]).merges; // [{ index: 1, into: a.id, intoIndex: 0, confidence: 'medium', reason: 'same-key' }]
 */
export function dedupe(companies: readonly Company[], options?: DedupeOptions): DedupeResult {
  const parsed = DedupeOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new UsageError('dedupe: invalid options', 'dedupe：选项无效', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), 'OPTIONS_INVALID');
  }
  const o = parsed.data;
  const against = o.against ?? [];
  const all: readonly Company[] = [...against, ...companies];
  const offset = against.length;
  const regOf = (j: number): string | undefined => (j >= offset ? o.registrationIds?.[j - offset] : undefined);
  const index = createNameIndex(all, { pinyin: false, ...(o.places ? { places: o.places } : {}) });
  const placeList = placeListFor(o.places);
  const current: (Company | undefined)[] = [...all];
  const alive: boolean[] = all.map(() => true);
  const byReg = new Map<string, number>();
  const merges: MergeRecord[] = [];
  const possible: PossibleDuplicate[] = [];
  for (let j = offset; j < all.length; j++) {
    const c = all[j]!;
    const reg = regOf(j);
    const found = findTarget(j, c, reg);
    if (found !== undefined && RANK[found.confidence] >= RANK[o.minConfidence]) {
      // Into a known company the import's values are newer (the analyst's own): they win, the old ones go to the note.
      const merged = found.target < offset ? mergeCompanies(current[found.target]!, c, { prefer: 'from' }) : mergeCompanies(current[found.target]!, c);
      // Found by the row's former name: the row's name is the current one; the record takes it and keeps the old as an alias.
      current[found.target] = found.reason === 'former-name' ? renamed(merged, c.name) : merged;
      alive[j] = false;
      merges.push({ index: j - offset, into: all[found.target]!.id, intoIndex: found.target >= offset ? found.target - offset : undefined, confidence: found.confidence, reason: found.reason });
      if (reg !== undefined && !byReg.has(reg)) byReg.set(reg, found.target);
      continue;
    }
    if (found !== undefined) possible.push({ index: j - offset, other: all[found.target]!.id, otherIndex: found.target >= offset ? found.target - offset : undefined, score: found.score, reason: 'fuzzy' });
    if (reg !== undefined && !byReg.has(reg)) byReg.set(reg, j);
  }
  return {
    companies: current.slice(offset).filter((_, k) => alive[k + offset]) as Company[],
    updated: current.slice(0, offset).filter((c, k) => c !== against[k]) as Company[],
    merges,
    possible,
  };

  function findTarget(j: number, c: Company, reg: string | undefined): { target: number; confidence: MergeConfidence; reason: MergeReason; score: number } | undefined {
    if (reg !== undefined) {
      const t = byReg.get(reg);
      if (t !== undefined && alive[t]) return { target: t, confidence: 'high', reason: 'credit-code', score: 1 };
    }
    const key = index.keyOf(j);
    // The name's key first, then the keys of its former registered names (曾用名): a full company name among the
    // aliases (a 简称 or brand is not one), so the old name finds the record in either order, and a known company too.
    const keys: [string, boolean][] = [[key, false], ...formerNames(c).map((a) => [companyKey(a, placeList), true] as [string, boolean]).filter(([k]) => k.length >= 2 && k !== key)];
    for (const [k, former] of keys) {
      const hit = targetByKey(j, c, reg, k);
      if (hit !== undefined) return former && hit.reason === 'same-key' ? { ...hit, reason: 'former-name' } : hit;
    }
    if (o.fuzzyAt >= 1) return undefined;
    for (const { index: t, dice } of index.similar(key, 8, j, o.fuzzyAt)) {
      if (dice < o.fuzzyAt) break;
      if (!alive[t] || !sameCity(all[t]!, c)) continue;
      const otherReg = regOf(t);
      if (reg !== undefined && otherReg !== undefined && otherReg !== reg) continue;
      return { target: t, confidence: 'low', reason: 'fuzzy', score: Math.round(dice * 1e4) / 1e4 };
    }
    return undefined;
  }

  function targetByKey(j: number, c: Company, reg: string | undefined, key: string): { target: number; confidence: MergeConfidence; reason: MergeReason; score: number } | undefined {
    for (const t of index.byKey(key)) {
      if (t >= j) break;
      if (!alive[t]) continue;
      const otherReg = regOf(t);
      if (reg !== undefined && otherReg !== undefined && otherReg !== reg) {
        possible.push({ index: j - offset, other: all[t]!.id, otherIndex: t >= offset ? t - offset : undefined, score: 1, reason: 'other-registration' });
        continue;
      }
      // A branch (分公司, 分厂 …) merges into its parent wherever it is registered: the parent is the investor.
      if (!sameCity(all[t]!, c) && (isBranchName(c.name) || isBranchName(all[t]!.name))) return { target: t, confidence: 'medium', reason: 'branch', score: 1 };
      if (!sameCity(all[t]!, c)) {
        possible.push({ index: j - offset, other: all[t]!.id, otherIndex: t >= offset ? t - offset : undefined, score: 1, reason: 'other-city' });
        continue;
      }
      const same = plainName(all[t]!.name) === plainName(c.name);
      return { target: t, confidence: same ? 'high' : 'medium', reason: same ? 'same-name' : 'same-key', score: 1 };
    }
    return undefined;
  }
}
