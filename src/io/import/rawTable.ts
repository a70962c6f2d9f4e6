import type { ImportWarningCode } from './types.js';

/** One row as read from the file: its number as the analyst sees it, and its cells as text. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly string[];
  /** Why the reader could not split this row cleanly (quotes, field count …). */
  readonly malformed?: string;
}

/** A file-level warning raised while reading. */
export interface RawWarning {
  readonly code: ImportWarningCode;
  readonly value?: string;
  readonly detail?: string;
  readonly count?: number;
}

/** What sheet selection needs of a sheet whose rows were not kept (a streaming reader keeps only the best sheet). */
export interface SheetSummary {
  /** The sheet has a header row with a company-name column. */
  readonly candidate: boolean;
  /** Non-blank rows under that header. */
  readonly rows: number;
  /** The sheet holds any non-blank row. */
  readonly hasData: boolean;
}

/**
 * Rows of one sheet; `headers` is set when the format names its columns itself (JSON, rows). A sheet with a
 * `summary` was read and let go: its `rows` are empty and it can no longer be chosen.
 */
export interface RawSheet {
  readonly name?: string;
  readonly headers?: readonly string[];
  readonly rows: readonly RawRow[];
  readonly warnings: readonly RawWarning[];
  readonly summary?: SheetSummary;
}
