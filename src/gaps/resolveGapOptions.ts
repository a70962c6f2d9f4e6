import { UsageError } from '../errors.js';
import { GapOptions, type GapOptionsInput, type ResolvedGapOptions } from './options.js';

/**
 * Validate gap options and fill in the defaults (see `DEFAULT_GAP_OPTIONS`).
 *
 * @param options - any subset of the options, nested objects too
 * @returns the resolved options
 * @throws {UsageError} code `OPTIONS_INVALID`, with one detail per problem, when a value is out of range
 * @example
 * resolveGapOptions({ thresholds: { present: 0.3 } }).thresholds.present; // 0.3
 */
export function resolveGapOptions(options: GapOptionsInput = {}): ResolvedGapOptions {
  const r = GapOptions.safeParse(options);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`);
  throw new UsageError(`analyzeGaps: invalid options: ${details.join('; ')}`, `缺口分析选项无效：${details.join('；')}`, details, 'OPTIONS_INVALID');
}
