/**
 * The 32-bit FNV-1a hash of an id, as `findDuplicateId` uses it; a caller sweeping over company objects
 * anyway may compute it there, while the id is in cache, and pass the hashes in.
 *
 * @param id - an id
 * @returns its hash (a signed 32-bit integer)
 * @example
 * findDuplicateId(['a', 'b', 'a'], Int32Array.from(['a', 'b', 'a'], idHash)); // 'a'
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h;
}
