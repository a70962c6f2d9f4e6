import * as z from 'zod';
import type { DataIssue } from '../errors.js';
import { dataIssueText } from '../messages/dataIssueText.js';
import { closestField, knownFieldsAt } from './schemaFields.js';

const zhErrorMap = z.locales.zhCN().localeError;

/** Dotted field path without the leading record index, e.g. `hq.city`. */
export function fieldOf(path: readonly PropertyKey[]): string | undefined {
  const parts = path.map((p) => String(p));
  return parts.length === 0 ? undefined : parts.join('.');
}

/** The `id` (or `name`) of a raw record, when it has a string one. */
export function recordIdOf(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id === 'string') return r.id;
  if (typeof r.name === 'string') return r.name;
  return undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function shortValue(v: unknown): unknown {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 117)}...` : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return Array.isArray(v) ? '[array]' : '[object]';
}

/**
 * Validate one value with a zod schema; on failure, return DataIssues in both languages that
 * name the file, record index, record id and field.
 */
export function validateWith<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  file: string,
  index?: number,
): { ok: true; value: T } | { ok: false; issues: DataIssue[] } {
  const en = schema.safeParse(raw);
  if (en.success) return { ok: true, value: en.data };
  const zh = schema.safeParse(raw, { error: zhErrorMap });
  const zhIssues = zh.success ? [] : zh.error.issues;
  const id = recordIdOf(raw);
  const issues = en.error.issues.flatMap((iss, k): DataIssue[] => {
    // A key a strict schema does not allow: one issue per key, naming it and the known field it is nearest to.
    if (iss.code === 'unrecognized_keys') {
      const known = knownFieldsAt(schema, raw, iss.path);
      return iss.keys.map((key): DataIssue => {
        const expected = closestField(key, known);
        const text = dataIssueText('unknown-key', { value: key, ...(expected !== undefined ? { expected } : {}) });
        const path = [...iss.path.map(toKey), key];
        return {
          code: 'unknown-key',
          file,
          ...(index !== undefined ? { index } : {}),
          ...(id !== undefined ? { id } : {}),
          field: fieldOf(path)!,
          path: index !== undefined ? [index, ...path] : path,
          value: key,
          message: text.en,
          messageZh: text.zh,
        };
      });
    }
    const field = fieldOf(iss.path);
    const value = shortValue(valueAt(raw, iss.path));
    const zhMsg = zhIssues[k]?.message ?? iss.message;
    const text = dataIssueText('invalid-value', { detail: iss.message, other: zhMsg });
    return [{
      code: 'invalid-value',
      file,
      ...(index !== undefined ? { index } : {}),
      ...(id !== undefined ? { id } : {}),
      ...(field !== undefined ? { field } : {}),
      path: index !== undefined ? [index, ...iss.path.map(toKey)] : iss.path.map(toKey),
      ...(value !== undefined ? { value } : {}),
      message: text.en,
      messageZh: text.zh,
    }];
  });
  return { ok: false, issues };
}

function toKey(p: PropertyKey): string | number {
  return typeof p === 'number' ? p : String(p);
}
