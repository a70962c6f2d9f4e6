import type { CloseEnterpriseChange } from './scenario.js';

/**
 * A `close-enterprise` change: the local enterprise closes (关停 or moves away) and no longer counts.
 *
 * @param id - a local enterprise id
 * @returns the change
 * @example
 * closeEnterprise('hrb-linqing');
 */
export function closeEnterprise(id: string): CloseEnterpriseChange {
  return { type: 'close-enterprise', id };
}
