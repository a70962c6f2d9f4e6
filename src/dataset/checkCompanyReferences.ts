import type { DataIssue } from '../errors.js';
import type { Company } from '../schema/company.js';
import type { Dataset } from '../schema/dataset.js';
import { checkReferences } from './checkReferences.js';

const indexed = <T>(xs: readonly T[]): (readonly [number, T])[] => xs.map((x, i) => [i, x] as const);

/**
 * Run the dataset loader's cross-reference checks on a list of companies that replaces the dataset's own
 * (`rank --companies FILE`): duplicate ids, unknown segments, unknown enterprises in ties, unknown HQ cities.
 * Same issue codes and format as `loadDataset`, with `file` set to the given file name.
 *
 * @param dataset - a validated dataset (its segments, enterprises and cities are the reference)
 * @param companies - companies that passed the Company schema, each with its 0-based index in the file
 * @param file - the file name to put on the issues
 * @returns every problem found (empty when the companies fit the dataset)
 * @example
 * checkCompanyReferences(liaocheng(), [[0, { ...company, segments: ['no-such'] }]], 'targets.json'); // [{ code: 'unknown-segment', … }]
 */
export function checkCompanyReferences(dataset: Dataset, companies: readonly (readonly [number, Company])[], file: string): DataIssue[] {
  const issues = checkReferences({
    meta: dataset.meta,
    industries: indexed(dataset.industries),
    segments: indexed(dataset.segments),
    links: indexed(dataset.links),
    enterprises: indexed(dataset.enterprises),
    companies,
    cities: indexed(dataset.cities),
    unavailable: new Set(),
    rawIds: new Map(),
  });
  // Only the companies are new; issues elsewhere (an enterprise whose parentCompanyId named a replaced company) are not theirs.
  return issues.filter((i) => i.file === 'companies.json').map((i) => ({ ...i, file }));
}
