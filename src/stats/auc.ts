import { InvalidArgumentError } from '../errors.js';
import { mulberry32 } from '../internal/random.js';

/**
 * Area under the ROC curve of scores for positives against negatives (the Mann–Whitney U statistic divided by
 * n₊·n₋): the probability that a random positive scores above a random negative, ties counting one half.
 * `-Infinity` is a valid score (an item that was not ranked at all). Guard: with no positives or no negatives
 * the AUC is undefined and `undefined` is returned.
 *
 * @param positives - scores of the positive items
 * @param negatives - scores of the negative items
 * @returns the AUC in [0, 1], or `undefined`
 * @example
 * auc([0.9, 0.4], [0.5, 0.1]); // 0.75 (3 of 4 pairs ordered right)
 * auc([1], [1]); // 0.5
 */
export function auc(positives: readonly number[], negatives: readonly number[]): number | undefined {
  if (positives.length === 0 || negatives.length === 0) return undefined;
  for (const v of [...positives, ...negatives]) if (Number.isNaN(v)) throw new InvalidArgumentError('auc: NaN score', 'auc：得分中有 NaN');
  // Rank-sum with average ranks for ties: O((n+m) log(n+m)).
  const all = [...positives.map((s) => ({ s, p: true })), ...negatives.map((s) => ({ s, p: false }))].sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  let rankSumPos = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.s === all[i]!.s) j += 1;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) if (all[k]!.p) rankSumPos += avgRank;
    i = j + 1;
  }
  const n1 = positives.length;
  const u = rankSumPos - (n1 * (n1 + 1)) / 2;
  return u / (n1 * negatives.length);
}

/**
 * The AUC of several groups pooled by pairs: each group has its own positives and negatives (e.g. one landing and
 * the firms scored in the same reconstructed dataset), and only pairs within a group are compared. Equals `auc`
 * when there is one group. Guard: `undefined` when no group has a pair.
 *
 * @example
 * pairedAuc([{ positives: [1], negatives: [0, 2] }, { positives: [5], negatives: [4] }]); // 2/3
 */
export function pairedAuc(groups: readonly { readonly positives: readonly number[]; readonly negatives: readonly number[] }[]): number | undefined {
  let pairs = 0;
  let wins = 0;
  for (const g of groups) {
    const a = auc(g.positives, g.negatives);
    if (a === undefined) continue;
    const n = g.positives.length * g.negatives.length;
    pairs += n;
    wins += a * n;
  }
  return pairs === 0 ? undefined : wins / pairs;
}

/**
 * A percentile bootstrap interval of `pairedAuc`, resampling whole groups (landings) with replacement: with few
 * groups the interval is wide, and it says so. Seeded (mulberry32), so the same input gives the same interval.
 * Guard: `undefined` when no group has a pair.
 *
 * @param groups - the groups of `pairedAuc`
 * @param options - `runs` (default 2000), `level` (default 0.9), `seed` (default 15)
 * @example
 * bootstrapPairedAuc([{ positives: [1], negatives: [0] }, { positives: [0], negatives: [1] }]); // e.g. { low: 0, high: 1 }
 */
export function bootstrapPairedAuc(
  groups: readonly { readonly positives: readonly number[]; readonly negatives: readonly number[] }[],
  options: { readonly runs?: number; readonly level?: number; readonly seed?: number } = {},
): { readonly low: number; readonly high: number } | undefined {
  const usable = groups.filter((g) => g.positives.length > 0 && g.negatives.length > 0);
  if (usable.length === 0) return undefined;
  const runs = options.runs ?? 2000;
  const level = options.level ?? 0.9;
  const random = mulberry32(options.seed ?? 15);
  const values: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const sample = Array.from({ length: usable.length }, () => usable[Math.floor(random() * usable.length)]!);
    values.push(pairedAuc(sample)!);
  }
  values.sort((a, b) => a - b);
  const at = (p: number): number => values[Math.min(values.length - 1, Math.max(0, Math.floor(p * (values.length - 1))))]!;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}
