import { parseScenario } from '../whatif/parseScenario.js';
import type { Scenario } from '../whatif/scenario.js';
import { readJsonArg } from './readJsonArg.js';

/**
 * Read and validate a scenario file (JSON): the `--scenario` of `whatif` and `plan`.
 *
 * @example
 * const scenario = await readScenarioFile('examples/scenario.json');
 */
export async function readScenarioFile(path: string): Promise<Scenario> {
  return parseScenario((await readJsonArg(path, '--scenario')).value);
}
