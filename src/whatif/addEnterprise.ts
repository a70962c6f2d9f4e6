import type { Enterprise } from '../schema/enterprise.js';
import type { AddEnterpriseChange } from './scenario.js';

/**
 * An `add-enterprise` change: a local enterprise record is added as given.
 *
 * @param enterprise - the enterprise (its id must be new; segments, county and parent must exist)
 * @returns the change
 * @example
 * addEnterprise({ id: 'new-plant', name: '新工厂', segments: ['br-auto-bearing'], county: '临清市', revenue: 8, source: 'plan', confidence: 'low', asOf: '2026' });
 */
export function addEnterprise(enterprise: Enterprise): AddEnterpriseChange {
  return { type: 'add-enterprise', enterprise };
}
