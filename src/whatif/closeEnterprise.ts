import type { CloseEnterpriseChange } from './scenario.js';

/**
 * A `close-enterprise` change: the local enterprise closes (关停 or moves away) and no longer counts.
 *
 * @param id - a local enterprise id
 * @param options - `segment`: close only that segment of it; `share`: close only that share (0, 1] of its capacity
 * @returns the change
 * @example
 * closeEnterprise('hrb-linqing');
 * closeEnterprise('xinfa-group', { segment: 'nf-primary-aluminium', share: 0.5 });
 */
export function closeEnterprise(id: string, options: { segment?: string; share?: number } = {}): CloseEnterpriseChange {
  return { type: 'close-enterprise', id, ...(options.segment !== undefined ? { segment: options.segment } : {}), ...(options.share !== undefined ? { share: options.share } : {}) };
}
