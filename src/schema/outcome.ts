import * as z from 'zod';
import { Confidence, Id, PartialDate, Text } from './common.js';

/**
 * Status of a bureau's pipeline entry for a company: 线索 (lead), 洽谈 (in talks), 签约 (signed),
 * 开工 (construction started), 投产 (in production), 流失 (lost: went elsewhere or dropped).
 */
export const OutcomeStatus = z.enum(['线索', '洽谈', '签约', '开工', '投产', '流失']);
export type OutcomeStatus = z.infer<typeof OutcomeStatus>;

/** Statuses that count as a landing (the project came) in the backtest and the learned weights. */
export const LANDED_STATUSES: readonly OutcomeStatus[] = Object.freeze(['签约', '开工', '投产']);

/**
 * One outcome of a company in a city: what happened and when, with a source. The optional `outcomes.json` of
 * a dataset is an array of these; the backtest and the learned weights read it, so a bureau's own pipeline
 * history can be measured against the ranking. `companyId` links to `companies.json` when the company is there;
 * otherwise `company` is matched by name. `segments` are dataset segment ids of the project.
 *
 * @example
 * Outcome.parse({ company: '哈尔滨轴承集团有限公司', companyId: 'harbin-bearing', city: '聊城市', status: '签约',
 *   date: '2023', source: 'lcrb.lcxw.cn/paper/pc/content/content_43603.html (聊城日报 2023-12-27)', confidence: 'high' });
 */
export const Outcome = z.object({
  company: Text,
  companyId: Id.optional(),
  city: Text,
  county: z.string().optional(),
  status: OutcomeStatus,
  date: PartialDate,
  source: Text,
  segments: z.array(Id).optional(),
  /** The project or product in words (e.g. 全透明太阳能发电玻璃). */
  project: z.string().optional(),
  confidence: Confidence.default('medium'),
  note: z.string().optional(),
});
export type Outcome = z.infer<typeof Outcome>;

/**
 * The `outcomes.json` file: an array of outcomes.
 *
 * @example
 * OutcomesFile.parse([]); // []
 */
export const OutcomesFile = z.array(Outcome);
export type OutcomesFile = z.infer<typeof OutcomesFile>;
