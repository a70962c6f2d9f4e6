// Backtest inputs of a city dataset directory (eval/backtest/cities/<city>/backtest.json), used by scripts/backtest.ts.
// A city dataset may reference another dataset's target list instead of copying it; `adoptTargets` fits that list to
// the city: a target list is national, but ties, segments and "local" are relative to a home city.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { Company, Tie, type Dataset } from '../src/index.js';
import { safeParseDatasetFiles } from '../src/dataset/parseDataset.js';

/**
 * `backtest.json` of a city dataset directory: paths (relative to that directory) of the target list, outcomes,
 * reconstruction and import files. Every field is optional; absent fields fall back to the command-line defaults.
 *
 * @example
 * CityBacktestConfig.parse({ companies: '../../../../data/liaocheng/companies.json', import: ['import.csv'] });
 */
export const CityBacktestConfig = z.strictObject({
  $comment: z.string().optional(),
  companies: z.string().min(1).optional(),
  outcomes: z.string().min(1).optional(),
  reconstruction: z.string().min(1).optional(),
  import: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** This city's ties (`CityTies`): facts about target firms and this city's local firms, added after adoption. */
  ties: z.string().min(1).optional(),
});

/**
 * `ties.json` of a city dataset directory: ties of target (or imported) firms to this city's local enterprises, each
 * with its source, date and confidence. `company` is a target id or the firm's name (for imported firms). The
 * adopted target list drops the other city's ties; these are this city's own.
 *
 * @example
 * CityTies.parse([{ company: 'bosch-china', tie: { type: 'supplier-of-local', enterprise: 'weichai-power', text: '…', source: '…', since: '2003' } }]);
 */
export const CityTies = z.array(z.strictObject({ company: z.string().min(1), tie: Tie }));
export type CityTies = z.output<typeof CityTies>;

/**
 * Add a city's ties to the firms they name (by id, else by name or alias), in one or more candidate lists (the adopted
 * target list, the imported firms). Throws when a tie names an enterprise not in the dataset or a firm in none of the
 * lists, so a typo cannot silently drop a fact. Pure: returns new lists.
 */
export function withCityTies(lists: readonly (readonly Company[])[], ties: CityTies, enterpriseIds: ReadonlySet<string>): Company[][] {
  const byKey = new Map<string, Tie[]>();
  for (const { company, tie } of ties) {
    if (tie.enterprise !== undefined && !enterpriseIds.has(tie.enterprise)) throw new Error(`ties.json: unknown enterprise "${tie.enterprise}" (${company})`);
    byKey.set(company, [...(byKey.get(company) ?? []), tie]);
  }
  const used = new Set<string>();
  const out = lists.map((companies) =>
    companies.map((c) => {
      const keys = [c.id, c.name, ...(c.aliases ?? [])].filter((k) => byKey.has(k));
      if (keys.length === 0) return c;
      keys.forEach((k) => used.add(k));
      return { ...c, ties: [...(c.ties ?? []), ...keys.flatMap((k) => byKey.get(k)!)] };
    }),
  );
  const missing = [...byKey.keys()].filter((k) => !used.has(k));
  if (missing.length > 0) throw new Error(`ties.json: no candidate firm for ${missing.join(', ')}`);
  return out;
}

/** The config of `dir` with its paths resolved against `dir`, or `undefined` when the directory has no backtest.json. */
export async function readCityBacktestConfig(dir: string): Promise<{ companies?: string; outcomes?: string; reconstruction?: string; imports?: string[]; ties?: string } | undefined> {
  const file = join(dir, 'backtest.json');
  if (!existsSync(file)) return undefined;
  const cfg = CityBacktestConfig.parse(JSON.parse(await readFile(file, 'utf8')) as unknown);
  const at = (p: string): string => resolve(dirname(file), p);
  const imports = cfg.import === undefined ? undefined : (Array.isArray(cfg.import) ? cfg.import : [cfg.import]).map(at);
  return {
    ...(cfg.companies !== undefined ? { companies: at(cfg.companies) } : {}),
    ...(cfg.outcomes !== undefined ? { outcomes: at(cfg.outcomes) } : {}),
    ...(cfg.reconstruction !== undefined ? { reconstruction: at(cfg.reconstruction) } : {}),
    ...(imports !== undefined ? { imports } : {}),
    ...(cfg.ties !== undefined ? { ties: at(cfg.ties) } : {}),
  };
}

/**
 * Fit another dataset's target companies to a city dataset, without changing any fact about the firms:
 * - ties are dropped (they are relations with the other dataset's home city and its local enterprises);
 * - segments and industries are kept only where the city dataset has them (a firm left with no segment keeps none,
 *   and the ranking treats it as it treats any firm without a recognised segment);
 * - a firm headquartered in the city's own city is marked `local` (a 以商招商 resource, not a target), any other
 *   firm is not local.
 * Signals, risks, sizes and lists are facts about the firm and stay. Pure.
 *
 * @example
 * adoptTargets(liaocheng().companies, weifang).filter((c) => c.local).map((c) => c.id); // ['weichai-power', 'goertek', …]
 */
export function adoptTargets(companies: readonly Company[], dataset: Pick<Dataset, 'meta' | 'segments' | 'industries'>): Company[] {
  const segs = new Set(dataset.segments.map((s) => s.id));
  const inds = new Set(dataset.industries.map((i) => i.id));
  const home = dataset.meta.home.city;
  return companies.map((c) => {
    const { ties: _ties, local: _local, segments, industries, ...rest } = c;
    const keptSegs = segments?.filter((s) => segs.has(s));
    const keptInds = industries?.filter((i) => inds.has(i));
    return {
      ...rest,
      ...(keptSegs !== undefined && keptSegs.length > 0 ? { segments: keptSegs } : {}),
      ...(keptInds !== undefined && keptInds.length > 0 ? { industries: keptInds } : {}),
      ...(c.hq.city === home && (c.hq.country ?? '中国') === '中国' ? { local: true } : {}),
    };
  });
}

/**
 * Read a referenced target list, adopt it (`adoptTargets`) and check the whole dataset again (schemas and
 * cross-file references, e.g. every HQ city in cities.json). Throws the dataset error when it does not hold.
 */
export async function withReferencedTargets(dataset: Dataset, companiesFile: string): Promise<Dataset> {
  const raw = z.array(Company).parse(JSON.parse(await readFile(companiesFile, 'utf8')) as unknown);
  const companies = adoptTargets(raw, dataset);
  const r = safeParseDatasetFiles(
    {
      'dataset.json': dataset.meta,
      'industries.json': dataset.industries,
      'segments.json': dataset.segments,
      'links.json': dataset.links,
      'enterprises.json': dataset.enterprises,
      'companies.json': companies,
      'cities.json': dataset.cities,
      ...(dataset.corrections !== undefined ? { 'corrections.json': dataset.corrections } : {}),
      ...(dataset.projects !== undefined ? { 'projects.json': dataset.projects } : {}),
      ...(dataset.parks !== undefined ? { 'parks.json': dataset.parks } : {}),
      ...(dataset.policies !== undefined ? { 'policies.json': dataset.policies } : {}),
    },
    `${companiesFile} adopted`,
  );
  if (!r.success) throw r.error;
  return r.data;
}
