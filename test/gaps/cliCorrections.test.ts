// Issue 14 in the `gaps` command: 受限 shown, left out of the list by default, --include-restricted and --without-corrections.
import { describe, expect, it } from 'vitest';
import type { SegmentGap } from '../../src/gaps/types.js';
import { cli } from '../cli/capture.js';

const json = async (...args: string[]): Promise<{ segments: SegmentGap[]; industries: { id: string; topGaps: string[] }[] }> => {
  const r = await cli(['gaps', '--format', 'json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { segments: SegmentGap[]; industries: { id: string; topGaps: string[] }[] };
};

describe('gaps CLI: corrections and 受限', () => {
  it('steelmaking is 受限 with priority 0 and out of 黑色金属 top gaps; --include-restricted brings it back', async () => {
    const a = await json('--industry', 'ferrous');
    const steel = a.segments.find((s) => s.id === 'fe-special-steel')!;
    expect(steel.priority).toBe(0);
    expect(steel.feasibility?.excluded).toBe(true);
    expect(a.industries.find((i) => i.id === 'ferrous')!.topGaps).not.toContain('fe-special-steel');
    const b = await json('--industry', 'ferrous', '--include-restricted');
    const shown = b.segments.find((s) => s.id === 'fe-special-steel')!;
    expect(shown.priority).toBeGreaterThan(0);
    expect(shown.priority).toBe(steel.feasibility!.computedPriority);
    expect(b.industries.find((i) => i.id === 'ferrous')!.topGaps).toContain('fe-special-steel');
  });

  it('the table labels a restricted gap 受限（…）; --without-corrections reopens the PVC gap', async () => {
    const t = await cli(['gaps', '--industry', 'ferrous', '--include-restricted', '--top', '40']);
    expect(t.stdout).toContain('受限');
    const on = await json('--industry', 'chemicals');
    const off = await json('--industry', 'chemicals', '--without-corrections');
    expect(on.segments.find((s) => s.id === 'ch-pe-pvc-resin')!.kind).toBe('none');
    expect(off.segments.find((s) => s.id === 'ch-pe-pvc-resin')!.kind).not.toBe('none');
    expect(off.segments.find((s) => s.id === 'ch-pe-pvc-resin')!.evidence).toBe('no-record');
  });

  it('a segment weak only on estimated revenue reads 无缺口（规模待核实）, not 强链', async () => {
    const t = await cli(['gaps', '--format', 'csv', '--industry', 'agrifood']);
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n').find((l) => l.includes(',ag-cold-chain,'))).toContain(',none,无缺口（规模待核实）,');
    const en = await cli(['--lang', 'en', 'gaps', '--format', 'csv', '--industry', 'agrifood']);
    expect(en.stdout.split('\n').find((l) => l.includes(',ag-cold-chain,'))).toContain('healthy (size to verify)');
  });

  it('the CSV has an evidence column saying 未见本地企业记录（待核实） for unrecorded absences', async () => {
    const r = await cli(['gaps', '--format', 'csv', '--industry', 'chemicals']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('企业记录');
    expect(r.stdout).toContain('未见本地企业记录（待核实）');
  });
});
