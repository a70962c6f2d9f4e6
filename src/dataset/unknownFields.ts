import type { DataIssue } from '../errors.js';
import { fileIssue } from './decodeJson.js';
import { recordIdOf } from './zodIssues.js';
import { closestField, unionOption, WRAPPERS, type Def } from './schemaFields.js';

type Found = { path: (string | number)[]; key: string; known: readonly string[] };

function walk(def: Def, value: unknown, path: (string | number)[], out: Found[], limit: number): void {
  if (out.length >= limit || value === null || typeof value !== 'object') return;
  if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType._zod.def, value, path, out, limit);
  if (def.type === 'pipe' && def.in) return walk(def.in._zod.def, value, path, out, limit);
  if (def.type === 'union') {
    const option = Array.isArray(value) ? undefined : unionOption(def, value);
    if (option !== undefined) walk(option, value, path, out, limit);
    return;
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((v, i) => walk(def.element!._zod.def, v, [...path, i], out, limit));
    return;
  }
  if (def.type === 'record' && def.valueType && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) walk(def.valueType._zod.def, v, [...path, k], out, limit);
    return;
  }
  // Objects with a catchall (passthrough or strict) decide unknown keys themselves; a discriminated union is walked through the option its tag selects.
  if (def.type !== 'object' || def.shape === undefined || def.catchall !== undefined || Array.isArray(value)) return;
  const shape = def.shape;
  const known = Object.keys(shape);
  for (const [k, v] of Object.entries(value)) {
    if (out.length >= limit) return;
    if (!Object.hasOwn(shape, k)) out.push({ path: [...path, k], key: k, known });
    else walk(shape[k]!._zod.def, v, [...path, k], out, limit);
  }
}

/**
 * Keys of a raw value that its schema does not know, as `unknown-field` warnings naming file, record, field
 * and the closest known field. The schemas strip such keys, so the data still loads; a misspelt optional
 * field (`segmnets`) would otherwise vanish without a word.
 *
 * @param schema - a zod v4 schema (object, array of objects …)
 * @param raw - the file's raw JSON value
 * @param file - the file name for the issues
 * @param limit - at most this many warnings
 * @returns the warnings, in document order
 * @example
 * unknownFieldWarnings(z.array(Company), [{ id: 'a', segmnets: [] }], 'companies.json'); // [{ code: 'unknown-field', field: 'segmnets', … }]
 */
export function unknownFieldWarnings(schema: { readonly _zod: { readonly def: unknown } }, raw: unknown, file: string, limit = 200): DataIssue[] {
  const found: Found[] = [];
  walk(schema._zod.def as Def, raw, [], found, limit);
  return found.map(({ path, key, known }) => {
    const hint = closestField(key, known);
    const issue = fileIssue('unknown-field', file, { value: key, ...(hint !== undefined ? { expected: hint } : {}) }, path);
    const id = typeof path[0] === 'number' && Array.isArray(raw) ? recordIdOf(raw[path[0]]) : undefined;
    return id !== undefined ? { ...issue, id } : issue;
  });
}
