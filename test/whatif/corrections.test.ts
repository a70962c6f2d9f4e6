// Issue 14: what-if toggles the corrections layer — a correction closes a 补链 gap, switching it off reopens it.
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import type { Correction } from '../../src/schema/correction.js';
import type { Dataset } from '../../src/schema/dataset.js';
import { applyScenario } from '../../src/whatif/applyScenario.js';
import { compareScenarios } from '../../src/whatif/compareScenarios.js';
import { runScenario } from '../../src/whatif/runScenario.js';
import { ScenarioError } from '../../src/whatif/ScenarioError.js';
import { cli } from '../cli/capture.js';
import { hole } from '../fixtures/chains/index.js';

const present: Correction = { id: 'b-here', segment: 'b', kind: 'present', firms: ['乙公司'], revenue: 30, author: '链长办', date: '2026-12', source: '走访' };
const kindOf = (run: ReturnType<typeof runScenario>, id: string): string => run.gaps.segments.find((s) => s.id === id)!.kind;

describe('whatif: corrections on and off', () => {
  it('add-correction turns the 补链 B into none, and remove-corrections turns it back', () => {
    const base = runScenario(hole, { changes: [] });
    expect(kindOf(base, 'b')).toBe('fill');
    const added = runScenario(hole, { changes: [{ type: 'add-correction', correction: present }] });
    expect(kindOf(added, 'b')).toBe('none');
    const d = compareScenarios(base, added).segments.find((s) => s.id === 'b')!;
    expect([d.from, d.to]).toEqual(['fill', 'none']);
    expect(d.priorityDelta).toBeLessThan(0);

    const corrected: Dataset = { ...hole, corrections: [present] };
    const off = runScenario(corrected, { changes: [{ type: 'remove-corrections', ids: ['b-here'] }] });
    expect(kindOf(off, 'b')).toBe('fill');
    expect(off.gaps).toEqual(base.gaps);
    const all = runScenario(corrected, { changes: [{ type: 'remove-corrections' }] });
    expect(all.dataset.corrections).toEqual([]);
    expect(kindOf(all, 'b')).toBe('fill');
  });

  it('never mutates the input and checks references (unknown correction, unknown segment, duplicate id)', () => {
    const corrected: Dataset = { ...hole, corrections: [present] };
    const after = applyScenario(corrected, { changes: [{ type: 'remove-corrections', ids: ['b-here'] }] });
    expect(corrected.corrections).toEqual([present]);
    expect(after.corrections).toEqual([]);
    const bad = (() => {
      try {
        applyScenario(corrected, {
          changes: [
            { type: 'remove-corrections', ids: ['nope'] },
            { type: 'add-correction', correction: { ...present, id: 'other', segment: 'zz' } },
            { type: 'add-correction', correction: present },
          ],
        });
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(bad).toBeInstanceOf(ScenarioError);
    expect((bad as ScenarioError).issues.map((i) => [i.code, i.change, i.field])).toEqual([
      ['unknown-correction', 0, 'ids.0'],
      ['unknown-segment', 1, 'correction.segment.0'],
      ['duplicate-id', 2, 'correction.id'],
    ]);
  });

  it('聊城: switching off the PVC correction reopens 聚乙烯与聚氯乙烯树脂 as a gap', () => {
    const ds = liaocheng();
    const base = runScenario(ds, { changes: [] });
    const off = runScenario(ds, { changes: [{ type: 'remove-corrections', ids: ['present-pvc-xinfa-huaxing'] }] });
    expect(kindOf(base, 'ch-pe-pvc-resin')).toBe('none');
    expect(kindOf(off, 'ch-pe-pvc-resin')).not.toBe('none');
    const d = compareScenarios(base, off).segments.find((s) => s.id === 'ch-pe-pvc-resin')!;
    expect(d.from).toBe('none');
    expect(d.presenceDelta).toBeLessThan(0);
  });

  it('CLI: whatif --without-corrections <id> shows the segment changing, --without-corrections alone drops them all', async () => {
    const one = await cli(['whatif', '--format', 'json', '--without-corrections', 'present-pvc-xinfa-huaxing']);
    expect(one.code).toBe(0);
    const j = JSON.parse(one.stdout) as { scenario: { changes: unknown[] }; diff: { segments: { id: string; from: string }[] } };
    expect(j.scenario.changes).toEqual([{ type: 'remove-corrections', ids: ['present-pvc-xinfa-huaxing'] }]);
    expect(j.diff.segments.find((s) => s.id === 'ch-pe-pvc-resin')?.from).toBe('none');
    const all = await cli(['whatif', '--format', 'json', '--without-corrections']);
    const k = JSON.parse(all.stdout) as { diff: { segments: { id: string }[] } };
    for (const id of ['ch-pe-pvc-resin', 'ne-pv-plant', 'nf-carbon-anode', 'fe-special-steel']) expect(k.diff.segments.some((s) => s.id === id)).toBe(true);
    const unknown = await cli(['whatif', '--without-corrections', 'nope']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('nope');
  });
});
