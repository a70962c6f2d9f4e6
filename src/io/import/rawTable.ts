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

/** Rows of one sheet; `headers` is set when the format names its columns itself (JSON, rows). */
export interface RawSheet {
  readonly name?: string;
  readonly headers?: readonly string[];
  readonly rows: readonly RawRow[];
  readonly warnings: readonly RawWarning[];
}
