import type { Dataset } from '../schema/dataset.js';
import { applyChanges } from './internal/applyChanges.js';
import { parseScenario } from './parseScenario.js';
import type { ScenarioInput } from './scenario.js';

/**
 * Apply a what-if scenario to a dataset and return the changed dataset; the input is never mutated
 * (unchanged parts are shared, so the frozen embedded dataset works as is). Changes apply in order:
 * `land` adds a local enterprise `landed.<company id>` on the given segments, `add-enterprise` adds one,
 * `close-enterprise` marks one closed, `set-priority` writes `meta.priorities`, `add-correction` and
 * `remove-corrections` add or drop corrections.json entries (issue 14); `set-weights` and
 * `exclude` only affect the ranking (see `runScenario`). Every reference is checked.
 *
 * @param dataset - a validated dataset
 * @param scenario - the scenario (validated here with the `Scenario` schema)
 * @returns the dataset under the scenario (the same object for a scenario that changes no data)
 * @throws {ScenarioError} code `SCENARIO_INVALID`, listing every problem with the change index and field
 * @example
 * const after = applyScenario(liaocheng(), { changes: [land('harbin-bearing', { segments: ['br-robot-bearing'], county: '临清市' })] });
 */
export function applyScenario(dataset: Dataset, scenario: ScenarioInput): Dataset {
  return applyChanges(dataset, parseScenario(scenario)).dataset;
}
