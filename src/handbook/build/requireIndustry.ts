import { NotFoundError } from '../../errors.js';
import type { Dataset } from '../../schema/index.js';

/** Throw a NotFoundError when `industry` is given and is not an industry of the dataset. */
export function requireIndustry(dataset: Dataset, industry: string | undefined): void {
  if (industry === undefined || dataset.industries.some((i) => i.id === industry)) return;
  throw new NotFoundError(
    'industry',
    industry,
    `buildHandbook: industry "${industry}" not found in dataset "${dataset.meta.id}"; see industries.json for valid ids`,
    `buildHandbook：数据集“${dataset.meta.id}”中没有产业“${industry}”；有效 id 见 industries.json`,
  );
}
