import { findForbiddenKeys } from '../dataset/decodeJson.js';
import { validateWith } from '../dataset/zodIssues.js';
import { Scenario, type Scenario as ScenarioType } from './scenario.js';
import { ScenarioError, type ScenarioIssue } from './ScenarioError.js';

/** The outcome of `safeParseScenario`. */
export type ScenarioResultOrError = { readonly success: true; readonly data: ScenarioType } | { readonly success: false; readonly error: ScenarioError };

function nameOf(raw: unknown): string | undefined {
  return raw !== null && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : undefined;
}

/**
 * Validate a scenario (e.g. `JSON.parse` of a scenario file) against the schema, without throwing.
 * Each issue names the change (0-based index) and the field.
 *
 * @param raw - the untrusted value
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * const r = safeParseScenario(JSON.parse(text));
 * if (!r.success) r.error.issues.map((i) => `${i.change}:${i.field}`);
 */
export function safeParseScenario(raw: unknown): ScenarioResultOrError {
  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length > 0) {
    const issues = forbidden.map((path): ScenarioIssue => {
      const key = String(path[path.length - 1]);
      return { ...at(path), code: 'invalid-value', value: key, message: `key "${key}" is not allowed (it could alter object prototypes)`, messageZh: `不允许使用键“${key}”（可能篡改对象原型）` };
    });
    return { success: false, error: new ScenarioError(nameOf(raw), issues as [ScenarioIssue, ...ScenarioIssue[]]) };
  }
  const r = validateWith(Scenario, raw, 'scenario');
  if (r.ok) return { success: true, data: r.value };
  const issues = r.issues.map((i): ScenarioIssue => ({ ...at(i.path), code: 'invalid-value', ...(i.value !== undefined ? { value: i.value } : {}), message: i.message, messageZh: i.messageZh }));
  return { success: false, error: new ScenarioError(nameOf(raw), issues as [ScenarioIssue, ...ScenarioIssue[]]) };
}

/** `['changes', 2, 'segments', 0]` → `{ change: 2, field: 'segments.0' }`. */
function at(path: readonly (string | number)[]): { change?: number; field?: string } {
  if (path[0] === 'changes' && typeof path[1] === 'number') {
    const rest = path.slice(2);
    return { change: path[1], ...(rest.length > 0 ? { field: rest.join('.') } : {}) };
  }
  return path.length > 0 ? { field: path.join('.') } : {};
}

/**
 * Validate a scenario against the schema.
 *
 * @param raw - the untrusted value (e.g. a parsed scenario file)
 * @returns the scenario
 * @throws {ScenarioError} code `SCENARIO_INVALID`, listing every problem with its change index and field
 * @example
 * const s = parseScenario(JSON.parse(readFileSync('scenario.json', 'utf8')));
 */
export function parseScenario(raw: unknown): ScenarioType {
  const r = safeParseScenario(raw);
  if (!r.success) throw r.error;
  return r.data;
}
