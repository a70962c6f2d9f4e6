import type { DataIssue, DataIssueCode } from '../errors.js';
import { dataIssueText, type IssueParams } from '../messages/dataIssueText.js';
import { DEFAULT_JSON_LIMITS, scanJson, type JsonLimits } from './scanJson.js';

export { DEFAULT_JSON_LIMITS, type JsonLimits };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fileIssue(code: DataIssueCode, file: string, params: IssueParams, path: (string | number)[] = []): DataIssue {
  const text = dataIssueText(code, params);
  const rest = typeof path[0] === 'number' ? path.slice(1) : path;
  const field = rest.length > 0 ? rest.map(String).join('.') : undefined;
  return {
    code,
    file,
    ...(typeof path[0] === 'number' ? { index: path[0] } : {}),
    ...(field !== undefined ? { field } : {}),
    path,
    ...(params.value !== undefined ? { value: params.value } : {}),
    message: text.en,
    messageZh: text.zh,
  };
}

function lineColAt(text: string, position: number): { en: string; zh: string } {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { en: `line ${line}, column ${position - lastBreak}`, zh: `第 ${line} 行第 ${position - lastBreak} 列` };
}

/**
 * Paths of keys that could alter prototypes (`__proto__`, `constructor`, `prototype`) anywhere in a value.
 * JSON.parse keeps `__proto__` as an own key, which later `Object.assign` or record parsing could turn into a
 * prototype change; rejecting it up front keeps every later step safe. Linear in the size of the value
 * (each node keeps a pointer to its parent; a path is built only for a hit) and safe on cycles.
 */
export function findForbiddenKeys(value: unknown, limit = 20): (string | number)[][] {
  const found: (string | number)[][] = [];
  if (value === null || typeof value !== 'object') return found;
  // Node k: its object, its parent node and its key in the parent.
  const objects: object[] = [value];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const seen = new Set<object>([value]);
  const stack: number[] = [0];
  const pathOf = (k: number, last: string): (string | number)[] => {
    const path: (string | number)[] = [last];
    for (let p = k; p > 0; p = parents[p]!) path.push(keys[p]!);
    return path.reverse();
  };
  const push = (child: unknown, parent: number, key: string | number): void => {
    if (child === null || typeof child !== 'object' || seen.has(child)) return;
    seen.add(child);
    objects.push(child);
    parents.push(parent);
    keys.push(key);
    stack.push(objects.length - 1);
  };
  while (stack.length > 0 && found.length < limit) {
    const k = stack.pop()!;
    const v = objects[k]!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) push(v[i], k, i);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) found.push(pathOf(k, key));
      else push((v as Record<string, unknown>)[key], k, key);
    }
  }
  return found;
}

/**
 * JSON text → the parsed value, or issues naming the file: invalid JSON (line and column, never the
 * text itself), nesting deeper than `maxDepth`, more values than `maxNodes` or property names than
 * `maxKeys` (all checked in one linear pass before parsing), forbidden keys. A leading BOM is dropped.
 *
 * @example
 * parseJsonText('[[[]]]', 'x.json', { ...DEFAULT_JSON_LIMITS, maxDepth: 2 }); // { ok: false, issues: [{ code: 'json-too-complex', … }] }
 */
export function parseJsonText(text: string, file: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): { ok: true; value: unknown } | { ok: false; issues: DataIssue[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem = scanJson(body, limits);
  if (problem !== undefined) {
    const at = lineColAt(body, problem.position);
    const code = problem.kind === 'syntax' ? 'invalid-json' : 'json-too-complex';
    return { ok: false, issues: [fileIssue(code, file, { detail: `${problem.en} (${at.en})`, other: `${problem.zh}（${at.zh}）` })] };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // The scan accepted the text, so this is not expected; V8's message quotes the text, so it is not shown.
    return { ok: false, issues: [fileIssue('invalid-json', file, { detail: 'the JSON parser refused the text', other: 'JSON 解析器无法解析该文本' })] };
  }
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0) {
    return { ok: false, issues: forbidden.map((path) => fileIssue('forbidden-key', file, { value: String(path[path.length - 1]) }, path)) };
  }
  return { ok: true, value };
}

/**
 * Bytes of a JSON file → the parsed value, or issues naming the file: invalid UTF-8 (with the line),
 * then everything `parseJsonText` checks. A UTF-8 BOM is accepted.
 */
export function decodeJson(bytes: Uint8Array, file: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): { ok: true; value: unknown } | { ok: false; issues: DataIssue[] } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const loose = new TextDecoder('utf-8').decode(body);
    const at = loose.indexOf('\uFFFD');
    const where = at >= 0 ? lineColAt(loose, at) : undefined;
    return { ok: false, issues: [fileIssue('invalid-encoding', file, { detail: where !== undefined ? `${where.en} / ${where.zh}` : 'invalid byte sequence' })] };
  }
  return parseJsonText(text, file, limits);
}

export { fileIssue };
