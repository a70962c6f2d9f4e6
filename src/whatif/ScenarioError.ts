import { ChainTargetingError } from '../errors.js';

/** Kinds of scenario problems. */
export type ScenarioIssueCode =
  | 'invalid-value'
  | 'unknown-company'
  | 'unknown-segment'
  | 'unknown-industry'
  | 'unknown-enterprise'
  | 'unknown-correction'
  | 'unknown-city'
  | 'duplicate-id'
  | 'no-segments'
  | 'already-closed';

/** One problem in a scenario: which change (0-based index into `changes`), which field, what to do. */
export interface ScenarioIssue {
  readonly code: ScenarioIssueCode;
  /** 0-based index of the change in `scenario.changes`; absent for problems outside the changes. */
  readonly change?: number;
  /** The field inside the change, dotted, e.g. `segments.1` or `enterprise.county`. */
  readonly field?: string;
  /** The offending value, when short enough to show. */
  readonly value?: unknown;
  readonly message: string;
  readonly messageZh: string;
}

function where(issue: ScenarioIssue, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (issue.change !== undefined) parts.push(lang === 'zh' ? `第 ${issue.change + 1} 项变更` : `change ${issue.change + 1}`);
  if (issue.field !== undefined) parts.push(lang === 'zh' ? `字段 ${issue.field}` : `field ${issue.field}`);
  return parts.length > 0 ? `${parts.join(' ')}: ` : '';
}

/**
 * A scenario that cannot be applied: it fails its schema, or a change names a company, segment,
 * industry, enterprise or place the dataset does not have. `issues` lists every problem found, each
 * with the index of the change and the field.
 *
 * @example
 * try { applyScenario(ds, s); } catch (e) { if (e instanceof ScenarioError) e.issues.map((i) => [i.change, i.field, i.code]); }
 */
export class ScenarioError extends ChainTargetingError {
  readonly issues: readonly [ScenarioIssue, ...ScenarioIssue[]];

  constructor(name: string | undefined, issues: readonly [ScenarioIssue, ...ScenarioIssue[]]) {
    const n = issues.length;
    const label = name !== undefined ? ` "${name}"` : '';
    const shown = issues.slice(0, 5);
    const more = n > shown.length ? n - shown.length : 0;
    super(
      'SCENARIO_INVALID',
      `Scenario${label} has ${n} problem${n === 1 ? '' : 's'}: ${shown.map((i) => `${where(i, 'en')}${i.message}`).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      `情景${name !== undefined ? `“${name}”` : ''}有 ${n} 个问题：${shown.map((i) => `${where(i, 'zh')}${i.messageZh}`).join('；')}${more > 0 ? `；另有 ${more} 个` : ''}`,
    );
    this.issues = issues;
  }
}
