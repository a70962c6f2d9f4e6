/**
 * Typed errors. Every error has a stable `code` (assert on it, never on text), an English
 * `message` for engineers and a Chinese `messageZh` for analysts; `localizedMessage(lang)` picks one.
 */

/** Stable error codes. */
export type ErrorCode =
  | 'DATASET_INVALID'
  | 'NOT_FOUND'
  | 'USAGE'
  | 'OPTIONS_INVALID'
  | 'AHP_INCONSISTENT'
  | 'IMPORT_FAILED'
  | 'SCENARIO_INVALID'
  | 'FILE_UNREADABLE'
  | 'FILE_NOT_REGULAR'
  | 'FILE_TOO_LARGE'
  | 'INVALID_ARGUMENT'
  | 'BROWSER_NOT_FOUND';

/** Output language of user-facing text. */
export type Lang = 'zh' | 'en';

/** One problem found in a dataset: which file, record, field, and what to do about it. */
export interface DataIssue {
  /** Machine-readable kind of problem, e.g. `unknown-segment`. */
  readonly code: DataIssueCode;
  /** File name within the dataset directory, e.g. `links.json`. */
  readonly file: string;
  /** 0-based index of the record in the file's array, when the problem is in one record. */
  readonly index?: number;
  /** The record's `id` (or name for cities) when it has one. */
  readonly id?: string;
  /** The field, dotted, e.g. `segments.2` or `hq.city`. */
  readonly field?: string;
  /** Full path inside the file. */
  readonly path: readonly (string | number)[];
  /** The offending value, when short enough to show. */
  readonly value?: unknown;
  /** English text. */
  readonly message: string;
  /** Chinese text. */
  readonly messageZh: string;
}

/** Kinds of dataset problems. */
export type DataIssueCode =
  | 'file-missing'
  | 'file-unreadable'
  | 'file-too-large'
  | 'file-not-regular'
  | 'json-too-complex'
  | 'invalid-encoding'
  | 'invalid-json'
  | 'forbidden-key'
  | 'invalid-value'
  | 'duplicate-id'
  | 'unknown-industry'
  | 'unknown-sub-direction'
  | 'unknown-segment'
  | 'unknown-city'
  | 'unknown-enterprise'
  | 'unknown-company'
  | 'self-link'
  | 'duplicate-link'
  /** A warning, not an error: a key the schema does not know (probably misspelt); the record still loads. */
  | 'unknown-field'
  /** An error: a key a strict file (learned-weights.json) does not allow, where a dropped key would lose provenance. */
  | 'unknown-key';

/** Base class of every error thrown by chain-targeting. */
export class ChainTargetingError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;

  constructor(code: ErrorCode, message: string, messageZh: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.messageZh = messageZh;
    const capture = (Error as { captureStackTrace?: (target: object, ctor: unknown) => void }).captureStackTrace;
    if (capture) capture(this, new.target);
  }

  /** The message in the given language. */
  localizedMessage(lang: Lang): string {
    return lang === 'zh' ? this.messageZh : this.message;
  }
}

/**
 * Invalid dataset or input file. `issues` lists every problem found (never only the first).
 *
 * @example
 * try { await loadDataset('bad/'); } catch (e) { if (e instanceof DatasetError) e.issues.forEach((i) => i.file); }
 */
export class DatasetError extends ChainTargetingError {
  readonly issues: readonly [DataIssue, ...DataIssue[]];

  constructor(where: string, issues: readonly [DataIssue, ...DataIssue[]]) {
    const n = issues.length;
    super(
      'DATASET_INVALID',
      `Dataset "${where}" has ${n} problem${n === 1 ? '' : 's'}; first: ${describeIssue(issues[0], 'en')}`,
      `数据集“${where}”有 ${n} 个问题；第一个：${describeIssue(issues[0], 'zh')}`,
    );
    this.issues = issues;
  }
}

/** An id that does not exist in the dataset. */
export class NotFoundError extends ChainTargetingError {
  readonly kind: string;
  readonly id: string;

  constructor(kind: string, id: string, message: string, messageZh: string) {
    super('NOT_FOUND', message, messageZh);
    this.kind = kind;
    this.id = id;
  }
}

/** Bad arguments or options from the caller. `issues` holds zod's issues when options failed validation. */
export class UsageError extends ChainTargetingError {
  readonly details: readonly string[];

  constructor(message: string, messageZh: string, details: readonly string[] = [], code: ErrorCode = 'USAGE') {
    super(code, message, messageZh);
    this.details = details;
  }
}

/**
 * A numeric routine got arguments it cannot work with (columns of unequal length, a NaN, a probability outside
 * [0, 1], a singular system): a programming error of the caller, with code `INVALID_ARGUMENT`.
 *
 * @example
 * try { quantiles([1, 2], [2]); } catch (e) { if (e instanceof InvalidArgumentError) e.code; } // 'INVALID_ARGUMENT'
 */
export class InvalidArgumentError extends ChainTargetingError {
  constructor(message: string, messageZh: string) {
    super('INVALID_ARGUMENT', message, messageZh);
  }
}

/**
 * One line describing an issue: file, record, field, message.
 *
 * @example
 * describeIssue(issue, 'zh'); // 'links.json 第 3 条 (id=a) 字段 to: 未知环节 "x"…'
 */
export function describeIssue(issue: DataIssue, lang: Lang): string {
  const where: string[] = [issue.file];
  if (lang === 'zh') {
    if (issue.index !== undefined) where.push(`第 ${issue.index + 1} 条`);
    if (issue.id !== undefined) where.push(`(id=${issue.id})`);
    if (issue.field !== undefined) where.push(`字段 ${issue.field}`);
    return `${where.join(' ')}: ${issue.messageZh}`;
  }
  if (issue.index !== undefined) where.push(`record ${issue.index + 1}`);
  if (issue.id !== undefined) where.push(`(id=${issue.id})`);
  if (issue.field !== undefined) where.push(`field ${issue.field}`);
  return `${where.join(' ')}: ${issue.message}`;
}
