import type { ExcludeChange } from './scenario.js';

/**
 * An `exclude` change: companies left out of the ranking (already signed, contacted, or not to approach).
 *
 * @param companyIds - dataset company ids
 * @returns the change
 * @example
 * exclude(['catl', 'byd']);
 */
export function exclude(companyIds: readonly string[]): ExcludeChange {
  return { type: 'exclude', companies: [...companyIds] };
}
