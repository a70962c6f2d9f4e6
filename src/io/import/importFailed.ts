import { ChainTargetingError } from '../../errors.js';

/** The error for a file that cannot be imported at all (unreadable, not a table, no name column). Code IMPORT_FAILED. */
export function importFailed(en: string, zh: string, cause?: unknown): ChainTargetingError {
  return new ChainTargetingError('IMPORT_FAILED', `importCompanies: ${en}`, `importCompanies：${zh}`, cause !== undefined ? { cause } : undefined);
}
