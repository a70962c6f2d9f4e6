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
 * zod v4 schema, through optional/default/pipe wrappers; empty when the path does not end at an object schema.
 * Unions are not followed (their option depends on the value).
 */
export function knownFieldsAt(schema: { readonly _zod: { readonly def: unknown } }, path: readonly PropertyKey[]): string[] {
  let def = schema._zod.def as Def;
  const unwrap = (): void => {
    for (;;) {
      if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def;
      else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
      else return;
    }
  };
  unwrap();
  for (const p of path) {
    if (def.type === 'object' && def.shape !== undefined && typeof p === 'string' && Object.hasOwn(def.shape, p)) def = def.shape[p]!._zod.def;
    else if (def.type === 'array' && def.element) def = def.element._zod.def;
    else if (def.type === 'record' && def.valueType) def = def.valueType._zod.def;
    else return [];
    unwrap();
  }
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}
