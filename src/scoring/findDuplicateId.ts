import { idHash } from './idHash.js';

/**
 * The first id that occurs twice in a list, or `undefined`. An open-addressing table over FNV-1a hashes in
 * an Int32Array: a million ids take a few tens of milliseconds, where a `Set<string>` takes about a second
 * (it hashes and rehashes string keys one by one).
 *
 * @param ids - the ids
 * @param hashes - `idHash` of each id, when already computed (strings are then read only on a hash match)
 * @returns a duplicated id, or `undefined` when all are distinct
 * @example
 * findDuplicateId(['a', 'b', 'a']); // 'a'
 */
export function findDuplicateId(ids: readonly string[], hashes?: Int32Array): string | undefined {
  const n = ids.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    const h = hashes !== undefined ? hashes[i]! : idHash(ids[i]!);
    let slot = h & mask;
    for (;;) {
      const j = table[slot]!;
      if (j === -1) {
        table[slot] = i;
        break;
      }
      if ((hashes === undefined || hashes[j] === h) && ids[j] === ids[i]) return ids[i];
      slot = (slot + 1) & mask;
    }
  }
  return undefined;
}
