// How reasons name a segment that is not present locally, without stating an inference as a fact (issue 14).
import type { Evidence } from './types.js';

/**
 * The words for a not-present segment, in both languages, quoting its presence:
 * - no firm and the absence verified by the 链长 office: 已核实本地无企业;
 * - no firm and nobody verified it: 未见本地企业记录 (what the data shows, not that there is none);
 * - some local firm (on record or in a correction) below the present threshold: 本地规模小.
 * The English is a noun phrase ("no local firm on record (presence 0.00)").
 *
 * @param evidence - what the data says about the segment's firms (absent = as `no-record` when `firmCount` is 0)
 * @param presence - formatted presence, e.g. `'0.00'`
 * @param firmCount - local firms counted on the segment
 * @returns the phrase
 * @example
 * absenceText('no-record', '0.00', 0).zh; // '未见本地企业记录（存在度 0.00）'
 */
export function absenceText(evidence: Evidence | undefined, presence: string, firmCount: number): { readonly zh: string; readonly en: string } {
  if (firmCount === 0 && evidence === 'verified-absent') return { zh: `已核实本地无企业（存在度 ${presence}）`, en: `no local firm, verified (presence ${presence})` };
  if (firmCount === 0 && evidence !== 'corrected-present') return { zh: `未见本地企业记录（存在度 ${presence}）`, en: `no local firm on record (presence ${presence})` };
  return { zh: `本地规模小（存在度 ${presence}）`, en: `a small local base (presence ${presence})` };
}
