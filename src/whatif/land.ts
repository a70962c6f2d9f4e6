import type { Company } from '../schema/company.js';
import type { LandChange, LandingSize } from './scenario.js';

/** Where and how big a landing is (every field optional). */
export interface LandOptions {
  /** Segments the local plant sits on (default: the company's segments). */
  readonly segments?: readonly string[];
  /** Local revenue in 亿元, or a revenue band (default: `DEFAULT_LANDING_SIZE`, capped at the company's revenue). */
  readonly size?: LandingSize;
  /** County-level place in the home city (default: the home city itself). */
  readonly county?: string;
  /** `operating` (default) or `under-construction`. */
  readonly status?: 'operating' | 'under-construction';
}

/**
 * A `land` change: the company becomes a local enterprise (a plain, serialisable object; checked when applied).
 *
 * @param company - a dataset company id, or a company record not in the dataset
 * @param options - segments, size, county, status
 * @returns the change
 * @example
 * land('harbin-bearing', { segments: ['br-robot-bearing'], county: '临清市', size: 20 });
 */
export function land(company: string | Company, options: LandOptions = {}): LandChange {
  return {
    type: 'land',
    company,
    ...(options.segments !== undefined ? { segments: [...options.segments] } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
    ...(options.county !== undefined ? { county: options.county } : {}),
    ...(options.status !== undefined ? { status: options.status } : {}),
  };
}
