import type { DataIssue, DataIssueCode } from '../errors.js';
import { dataIssueText, type IssueParams } from '../messages/dataIssueText.js';

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

function lineColAt(text: string, position: number): string {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return `line ${line}, column ${position - lastBreak} / 第 ${line} 行第 ${position - lastBreak} 列`;
}

/**
 * Paths of keys that could alter prototypes (`__proto__`, `constructor`, `prototype`) anywhere in a value.
 * JSON.parse keeps `__proto__` as an own key, which later `Object.assign` or record parsing could turn into a
 * prototype change; rejecting it up front keeps every later step safe.
 */
export function findForbiddenKeys(value: unknown, limit = 20): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) found.push([...path, key]);
      else stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return found;
}

/**
 * Bytes of a JSON file → the parsed value, or issues naming the file: invalid UTF-8 (with the line),
 * invalid JSON (with line and column), forbidden keys. A UTF-8 BOM is accepted.
 */
export function decodeJson(bytes: Uint8Array, file: string): { ok: true; value: unknown } | { ok: false; issues: DataIssue[] } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const loose = new TextDecoder('utf-8').decode(body);
    const at = loose.indexOf('\uFFFD');
    return { ok: false, issues: [fileIssue('invalid-encoding', file, { detail: at >= 0 ? lineColAt(loose, at) : 'invalid byte sequence' })] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(msg);
    const detail = pos?.[1] !== undefined ? `${msg.replace(/\s*\(line \d+ column \d+\)/, '')} (${lineColAt(text, Number(pos[1]))})` : msg;
    return { ok: false, issues: [fileIssue('invalid-json', file, { detail })] };
  }
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0) {
    return { ok: false, issues: forbidden.map((path) => fileIssue('forbidden-key', file, { value: String(path[path.length - 1]) }, path)) };
  }
  return { ok: true, value };
}

export { fileIssue };
