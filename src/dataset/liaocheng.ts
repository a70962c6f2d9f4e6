// The embedded 聊城 dataset is bundled into the build (JSON imports), so `liaocheng()` needs no file
// system: it works in Node, in bundlers and in browsers alike.
import cities from '../../data/liaocheng/cities.json';
import companies from '../../data/liaocheng/companies.json';
import corrections from '../../data/liaocheng/corrections.json';
import meta from '../../data/liaocheng/dataset.json';
import enterprises from '../../data/liaocheng/enterprises.json';
import industries from '../../data/liaocheng/industries.json';
import learnedWeights from '../../data/liaocheng/learned-weights.json';
import links from '../../data/liaocheng/links.json';
import parks from '../../data/liaocheng/parks.json';
import policies from '../../data/liaocheng/policies.json';
import projects from '../../data/liaocheng/projects.json';
import segments from '../../data/liaocheng/segments.json';
import { deepFreeze } from '../internal/deepFreeze.js';
import type { Dataset } from '../schema/dataset.js';
import { parseDataset } from './parseDataset.js';

let cached: Dataset | undefined;

/**
 * The embedded default dataset modelled on 聊城 (Liaocheng, Shandong): 12 industries, 20 sub-directions
 * (a reconstruction), chain segments and links, local enterprises, target companies, places and the
 * corrections over them (`corrections.json`: presence the enterprise list misses, policy limits).
 * Compiled from public information; every record carries `source`, `confidence` and `asOf`.
 * Validated on first call, then the same frozen object is returned.
 *
 * @returns the frozen dataset
 * @throws {DatasetError} only if the shipped data is broken (a test guards against it)
 * @example
 * const ds = liaocheng();
 * ds.industries.map((i) => i.name); // ['有色金属', '黑色金属', …]
 */
export function liaocheng(): Dataset {
  cached ??= deepFreeze(parseDataset({ meta, industries, segments, links, enterprises, companies, cities, corrections, projects, parks, policies, learnedWeights }, 'data/liaocheng (embedded)'));
  return cached;
}
