import { warningText } from './importMessages.js';
import type { ImportWarning, ImportWarningCode } from './types.js';

const MAX_ROWS = 20;
const MAX_VALUES = 8;

/** Collects warnings by code (rows, count, a few example values) and renders them once at the end. */
export interface WarningLog {
  add(code: ImportWarningCode, row?: number, value?: string, count?: number, detail?: string): void;
  list(): ImportWarning[];
}

/** A fresh log, local to one import call. */
export function warningLog(): WarningLog {
  const byCode = new Map<ImportWarningCode, { rows: number[]; count: number; values: string[]; value?: string; detail?: string }>();
  return {
    add(code, row, value, count = 1, detail) {
      let e = byCode.get(code);
      if (e === undefined) byCode.set(code, (e = { rows: [], count: 0, values: [] }));
      e.count += count;
      if (detail !== undefined) e.detail ??= detail;
      if (row !== undefined && e.rows.length < MAX_ROWS && e.rows[e.rows.length - 1] !== row) e.rows.push(row);
      if (value !== undefined && value.length > 0) {
        e.value ??= value;
        if (e.values.length < MAX_VALUES && !e.values.includes(value)) e.values.push(value);
      }
    },
    list() {
      return [...byCode].map(([code, e]) => {
        const detail = e.detail ?? e.values.join(', ') + (e.values.length >= MAX_VALUES ? ' …' : '');
        const t = warningText(code, { count: e.count, detail, ...(e.value !== undefined ? { value: e.value } : {}) });
        return { code, message: t.en, messageZh: t.zh, rows: e.rows, count: e.count };
      });
    },
  };
}
