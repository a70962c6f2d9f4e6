import * as z from 'zod';
import { UsageError } from '../errors.js';
import { companyKey, placeListFor } from './companyKey.js';

/** Options of `normalizeCompanyName`. */
export const NormalizeNameOptionsSchema = z.object({
  /** Extra place names that may lead a company name (a dataset's cities and counties): both '聊城市' and '聊城' are stripped. */
  places: z.array(z.string()).readonly().optional(),
});
export type NormalizeNameOptions = z.input<typeof NormalizeNameOptionsSchema>;

/**
 * The matching key of a company name: width-normalised, simplified, lower-case, without legal forms
 * (股份有限公司, 有限责任公司, 有限公司, 集团, (中国), Co., Ltd. …), without leading province or city names
 * (山东, 聊城市 …) unless only generic words would remain (北京银行 keeps 北京), and without punctuation.
 * Two names with the same key very likely name the same firm; the original name is never changed.
 *
 * @param name - a company name as written
 * @param options - `{ places }`: extra leading place names (e.g. a dataset's cities)
 * @returns the key; empty only when the name has no letter or digit
 * @throws {UsageError} OPTIONS_INVALID when options are malformed
 * @example
 * normalizeCompanyName('山东鲁西化工集团股份有限公司'); // '鲁西化工'
 * normalizeCompanyName('鴻海精密工業股份有限公司'); // '鸿海精密工业'
 */
export function normalizeCompanyName(name: string, options?: NormalizeNameOptions): string {
  const parsed = NormalizeNameOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new UsageError('normalizeCompanyName: invalid options', 'normalizeCompanyName：选项无效', parsed.error.issues.map((i) => i.message), 'OPTIONS_INVALID');
  }
  return companyKey(name, placeListFor(parsed.data.places));
}

