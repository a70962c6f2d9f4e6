// Issue 16 item 5: a closure can target one segment of an enterprise, or a share of its capacity.
import { mkdtempSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { closeEnterprise } from '../../src/whatif/closeEnterprise.js';
import { compareScenarios } from '../../src/whatif/compareScenarios.js';
import { runScenario } from '../../src/whatif/runScenario.js';
import { ScenarioError } from '../../src/whatif/ScenarioError.js';
import { Scenario, type Change } from '../../src/whatif/scenario.js';
import type { ScenarioDiff } from '../../src/whatif/types.js';
import { WHATIF_FIXTURE_DIR, whatifFixture } from './fixture.js';

const ds = whatifFixture();
// A hand-made group on two segments (60亿: 30 on ingot, 30 on sheet).
const group: Change = {
  type: 'add-enterprise',
  enterprise: { id: 'group', name: '测试集团', segments: ['ingot', 'sheet'], county: '乙区', revenue: 60, source: 'test', confidence: 'high', asOf: '2026-01' },
};
const seg = (r: ReturnType<typeof runScenario>, id: string) => r.gaps.segments.find((g) => g.id === id)!;

describe('close one segment of an enterprise, or a share of it', () => {
  test('the schema takes segment and share in (0, 1]', () => {
    expect(Scenario.safeParse({ changes: [{ type: 'close-enterprise', id: 'a', segment: 'b', share: 0.5 }] }).success).toBe(true);
    expect(Scenario.safeParse({ changes: [{ type: 'close-enterprise', id: 'a', share: 0 }] }).success).toBe(false);
    expect(Scenario.safeParse({ changes: [{ type: 'close-enterprise', id: 'a', share: 1.5 }] }).success).toBe(false);
  });

  test('closing one segment leaves the enterprise present, with the same revenue, on its other segments', () => {
    const before = runScenario(ds, { changes: [group] });
    const after = runScenario(ds, { changes: [group, closeEnterprise('group', { segment: 'sheet' })] });
    expect(seg(before, 'sheet').localFirms).toEqual(['group']);
    expect(seg(after, 'sheet').localFirms).toEqual([]);
    expect(seg(after, 'ingot').localFirms).toEqual(['group', 'ingot-co']);
    expect(seg(after, 'ingot').measures.localRevenue).toBeCloseTo(seg(before, 'ingot').measures.localRevenue, 6);
    expect(after.dataset.enterprises.find((e) => e.id === 'group')).toMatchObject({ segments: ['ingot'], revenue: 30 });
  });

  test('a 50% closure halves its contribution to the segment', () => {
    const before = runScenario(ds, { changes: [group] });
    const half = runScenario(ds, { changes: [group, closeEnterprise('group', { segment: 'sheet', share: 0.5 })] });
    expect(seg(half, 'sheet').measures.localRevenue).toBeCloseTo(15, 6);
    expect(seg(before, 'sheet').measures.localRevenue).toBeCloseTo(30, 6);
    expect(seg(half, 'ingot').measures.localRevenue).toBeCloseTo(seg(before, 'ingot').measures.localRevenue, 6);
    // One record stays (no stray remainder record such as "集团（板带）"), with explicit shares that keep every segment's revenue.
    expect(half.dataset.enterprises.filter((e) => e.id.startsWith('group'))).toHaveLength(1);
    expect(half.dataset.enterprises.find((e) => e.id === 'group')).toMatchObject({ segments: ['ingot', 'sheet'], revenue: 45 });
    const dh = compareScenarios(before, half).segments.find((x) => x.id === 'sheet')!;
    expect(dh.firmsAdded).toEqual([]);
    expect(dh.reasons.map((x) => x.zh)).toContain('本地营收 30 → 15 亿元，本地存在度 ' + `${seg(before, 'sheet').measures.presence.toFixed(2)} → ${seg(half, 'sheet').measures.presence.toFixed(2)}`);
    // a single-segment firm: half of ingot-co (50亿) closes
    const base = runScenario(ds, { changes: [] });
    const r = runScenario(ds, { changes: [closeEnterprise('ingot-co', { share: 0.5 })] });
    expect(seg(r, 'ingot').measures.localRevenue).toBeCloseTo(seg(base, 'ingot').measures.localRevenue / 2, 6);
    expect(seg(r, 'ingot').localFirms).toEqual(['ingot-co']);
    const d = compareScenarios(base, r);
    expect(d.summary[0]!.code).toBe('whatif.summary.loss');
    expect(d.losses.presenceLost.map((s) => s.id)).toEqual(['ingot']);
    expect([d.losses.firmsClosed, d.losses.firmsReduced]).toEqual([[], ['ingot-co']]);
    expect(d.summary[0]!.zh).toMatch(/^失去：测试冶炼 部分关停/);
  });

  test('whole-enterprise closure is unchanged; a segment the firm is not on is a scenario error', () => {
    const r = runScenario(ds, { changes: [closeEnterprise('ingot-co')] });
    expect(r.dataset.enterprises.find((e) => e.id === 'ingot-co')!.status).toBe('closed');
    expect(() => runScenario(ds, { changes: [closeEnterprise('ingot-co', { segment: 'sheet' })] })).toThrow(ScenarioError);
  });

  test('CLI: --close "测试冶炼@金属锭@50%" resolves names and the share', async () => {
    let stdout = '';
    const code = await runCli(['whatif', '--data', WHATIF_FIXTURE_DIR, '--format', 'json', '--close', '测试冶炼@金属锭@50%'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, cwd: mkdtempSync('/tmp/ct-') });
    expect(code).toBe(0);
    const { scenario, diff } = JSON.parse(stdout) as { scenario: { changes: unknown[] }; diff: ScenarioDiff };
    expect(scenario.changes).toEqual([{ type: 'close-enterprise', id: 'ingot-co', segment: 'ingot', share: 0.5 }]);
    expect(diff.losses.lost).toBe(true);
  });
});
