import * as z from 'zod';
import { Id, PartialDate, Text } from './common.js';
import { Provenance } from './provenance.js';

/** What a policy is: a plan or orientation, an investment incentive, land, talent, finance, or other. */
export const PolicyKind = z.enum(['plan', 'incentive', 'land', 'talent', 'finance', 'other']);
export type PolicyKind = z.infer<typeof PolicyKind>;

/**
 * A published policy or policy orientation relevant to 招商 (optional file `policies.json`, issue 18):
 * who issued it, when, what it says in one sentence (`summary`, as the source states it), and which industries
 * it concerns (ids of `industries.json`; none = all). `counties` when it concerns some counties only.
 *
 * @example
 * Policy.parse({ id: 'gwr-2024-jjj', title: '2024年聊城市政府工作报告', issuer: '聊城市人民政府', date: '2024-01',
 *   kind: 'plan', summary: '主动融入京津冀协同发展，承接先进制造业转移', source: 'liaocheng.dzwww.com 2024-01-15',
 *   confidence: 'medium', asOf: '2024-01' });
 */
export const Policy = z.object({
  id: Id,
  title: Text,
  titleEn: z.string().optional(),
  issuer: Text,
  date: PartialDate,
  kind: PolicyKind,
  /** County-level units the policy concerns (of `cities.json`); none = the whole city. */
  counties: z.array(Text).optional(),
  industries: z.array(Id).optional(),
  summary: Text,
  summaryEn: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
  ...Provenance.shape,
});
export type Policy = z.infer<typeof Policy>;
