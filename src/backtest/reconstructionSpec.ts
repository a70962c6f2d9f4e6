import * as z from 'zod';
import { Id } from '../schema/common.js';

/**
 * How to find the records a landing created, for one landed company (see `datasetBefore`): `keys` are name
 * fragments (an enterprise whose name or parent contains one, a tie or signal whose text contains one, was created
 * by the landing); `keepEnterprises` are enterprises matched by a key that are older than the landing; `group`
 * are other companies of the same group (neither landed nor a fair non-landed firm, so left out of the negatives).
 *
 * @example
 * ReconstructionEntry.parse({ keys: ['哈轴'], group: ['jianlong-group'] });
 */
export const ReconstructionEntry = z.strictObject({
  keys: z.array(z.string().trim().min(2)).default([]),
  keepEnterprises: z.array(Id).default([]),
  group: z.array(Id).default([]),
});
export type ReconstructionEntry = z.output<typeof ReconstructionEntry>;

/**
 * The reconstruction file: by company id (or company name for imported firms) → entry. A `$comment` key is allowed.
 *
 * @example
 * ReconstructionSpec.parse({ 'harbin-bearing': { keys: ['哈轴'] } })['harbin-bearing']?.keys; // ['哈轴']
 */
export const ReconstructionSpec = z
  .record(z.string(), z.unknown())
  .transform((o, ctx) => {
    const out: Record<string, ReconstructionEntry> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === '$comment') continue;
      const r = ReconstructionEntry.safeParse(v);
      if (!r.success) {
        for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: [k, ...i.path.map(String)] });
        continue;
      }
      out[k] = r.data;
    }
    return out;
  });
export type ReconstructionSpec = z.output<typeof ReconstructionSpec>;
