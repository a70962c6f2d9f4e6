// Shared by the backtest city tests (test/backtest/<city>.test.ts): a city's backtest dataset directory loaded on its
// own, its backtest.json, and the dataset with the referenced target list adopted for the city.
import { readFile } from 'node:fs/promises';
import { safeLoadDataset, type Dataset } from '../../src/index.js';
import { readCityBacktestConfig, withReferencedTargets } from '../../scripts/backtestCity.js';

export type CityBacktestConfig = NonNullable<Awaited<ReturnType<typeof readCityBacktestConfig>>>;

/** A JSON file, parsed (unchecked). */
export const readJson = async (p: string): Promise<unknown> => JSON.parse(await readFile(p, 'utf8')) as unknown;

/** The city's own dataset, its backtest config, and the dataset with the referenced targets adopted. */
export async function loadBacktestCity(dir: string): Promise<{ own: Dataset; cfg: CityBacktestConfig; ds: Dataset }> {
  const r = await safeLoadDataset(dir);
  if (!r.success) throw r.error;
  const cfg = await readCityBacktestConfig(dir);
  if (cfg === undefined || cfg === null) throw new Error(`${dir}: no backtest.json`);
  return { own: r.data, cfg, ds: await withReferencedTargets(r.data, cfg.companies!) };
}
