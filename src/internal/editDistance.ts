/**
 * Levenshtein distance over code points (a CJK character or an emoji counts as one), for "did you mean" hints on
 * names, ids and field names. Quadratic in the lengths: meant for short strings.
 *
 * @example
 * editDistance('segmnets', 'segments'); // 2
 * editDistance('新能原', '新能源'); // 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length]!;
}
