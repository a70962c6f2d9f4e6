/**
 * `record[key]` only when `key` is the record's own property: a lookup keyed by user data (an id, a region
 * name) must never reach `Object.prototype` (`constructor`, `toString` …) and come back with a function.
 *
 * @example
 * own({ a: 1 }, 'constructor'); // undefined
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
