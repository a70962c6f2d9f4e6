import { editDistance } from '../internal/editDistance.js';

/** The parts of a zod v4 schema definition the field walks read. */
export interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, { readonly _zod: { readonly def: Def } }>>;
  readonly catchall?: unknown;
  readonly element?: { readonly _zod: { readonly def: Def } };
  readonly innerType?: { readonly _zod: { readonly def: Def } };
  readonly in?: { readonly _zod: { readonly def: Def } };
  readonly valueType?: { readonly _zod: { readonly def: Def } };
  readonly options?: readonly { readonly _zod: { readonly def: Def } }[];
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
}

/** Wrapper schemas whose inner type holds the fields. */
export const WRAPPERS: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The option of a discriminated union whose discriminator literal matches the value's (e.g. a correction's `kind`). */
export function unionOption(def: Def, value: object): Def | undefined {
  const key = def.discriminator;
  if (key === undefined || def.options === undefined || !Object.hasOwn(value, key)) return undefined;
  const tag = (value as Record<string, unknown>)[key];
  for (const o of def.options) {
    const d = o._zod.def;
    if (d.shape?.[key]?._zod.def.values?.includes(tag) === true) return d;
  }
  return undefined;
}

/** The known field nearest in spelling to a key (edit distance within about a third of its length), if any. */
export function closestField(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/**
 * The field names of the object schema found by following a path (object keys, array indices, record keys) down a
 * zod v4 schema, through optional/default/pipe wrappers and through a discriminated union by the option the raw value's
 * tag selects (a what-if change's `type`); empty when the path does not end at an object schema.
 *
 * @param schema - a zod v4 schema
 * @param raw - the raw value the schema was applied to (read to pick union options)
 * @param path - the path of the object whose fields are wanted
 * @returns its field names
 */
export function knownFieldsAt(schema: { readonly _zod: { readonly def: unknown } }, raw: unknown, path: readonly PropertyKey[]): string[] {
  let def = schema._zod.def as Def;
  let value = raw;
  const unwrap = (): void => {
    for (;;) {
      if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def;
      else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
      else if (def.type === 'union' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const option = unionOption(def, value);
        if (option === undefined) return;
        def = option;
      } else return;
    }
  };
  unwrap();
  for (const p of path) {
    if (def.type === 'object' && def.shape !== undefined && typeof p === 'string' && Object.hasOwn(def.shape, p)) def = def.shape[p]!._zod.def;
    else if (def.type === 'array' && def.element) def = def.element._zod.def;
    else if (def.type === 'record' && def.valueType) def = def.valueType._zod.def;
    else return [];
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, p) ? (value as Record<PropertyKey, unknown>)[p] : undefined;
    unwrap();
  }
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}
