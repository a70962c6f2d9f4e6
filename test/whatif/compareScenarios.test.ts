import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { UsageError } from '../../src/errors.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import { closeEnterprise } from '../../src/whatif/closeEnterprise.js';
import { compareScenarios } from '../../src/whatif/compareScenarios.js';
import { exclude } from '../../src/whatif/exclude.js';
import { land } from '../../src/whatif/land.js';
import { runScenario } from '../../src/whatif/runScenario.js';
import { ScenarioError } from '../../src/whatif/ScenarioError.js';
import type { Change } from '../../src/whatif/scenario.js';
import { setPriority } from '../../src/whatif/setPriority.js';
import { setWeights } from '../../src/whatif/setWeights.js';
import { whatifFixture } from './fixture.js';

const ds = whatifFixture();
const base = runScenario(ds, { changes: [] });

describe('runScenario', () => {
  test('bad options and bad scenarios are typed errors', () => {
    expect(() => runScenario(ds, { changes: [] }, { nope: 1 } as never)).toThrow(UsageError);
    expect(() => runScenario(ds, { changes: [land('ghost')] })).toThrow(ScenarioError);
  });

  test('landed and excluded companies leave the ranking; set-weights sets its weights', () => {
    const r = runScenario(ds, { changes: [land('sheet-co'), exclude(['cell-co']), setWeights('fill-first')] });
    const ids = r.ranking.items.map((i) => i.id);
    expect(ids).not.toContain('sheet-co');
    expect(ids).not.toContain('cell-co');
    expect(ids).toHaveLength(ds.companies.length - 2);
    expect(r.ranking.preset).toBe('fill-first');
    expect(r.landed.map((l) => [l.company, l.enterprise, l.segments])).toEqual([['sheet-co', 'landed.sheet-co', ['sheet']]]);
    expect(r.excluded).toEqual(['cell-co']);
  });

  test('a reused gap context gives the same result as a fresh run', () => {
    const s = { changes: [land('sheet-co'), closeEnterprise('parts-co')] };
    expect(runScenario(ds, s, { context: buildGapContext(ds) })).toEqual(runScenario(ds, s));
  });
});

describe('compareScenarios', () => {
  test('an empty scenario is the identity: the diff is empty', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [] }));
    expect(d.empty).toBe(true);
    expect([d.segments, d.industries, d.ranks, d.summary]).toEqual([[], [], [], []]);
    expect(d.city.completenessDelta).toBe(0);
  });

  test('landing on the 补链 segment closes it, with the numbers worked out by hand', () => {
    const d = compareScenarios(base, runScenario(ds, { name: 'sheet lands', changes: [land('sheet-co')] }));
    expect(d.empty).toBe(false);
    const sheet = d.segments[0]!;
    expect([sheet.id, sheet.from, sheet.to, sheet.firmsAdded]).toEqual(['sheet', 'fill', 'none', ['landed.sheet-co']]);
    expect(sheet.presenceDelta).toBeCloseTo(0.6099, 4);
    expect(sheet.reasons.map((r) => r.code)).toEqual(['whatif.segment.kind', 'whatif.segment.firms-added', 'whatif.segment.priority']);
    // fixture.ts: completeness 0.5079 → 0.7063, 本地配套率 0.6056 → 0.8864
    expect(d.city.completenessDelta).toBeCloseTo(0.1984, 4);
    expect(d.city.localSupplyRateDelta).toBeCloseTo(0.2808, 4);
    expect(d.city.countsDelta).toEqual({ fill: -1, extend: 0, strengthen: 0, build: 0, none: 1 });
    expect(d.industries.map((i) => i.id)).toContain('metal');
    expect(d.summary.map((r) => r.code)).toContain('whatif.summary.closed');
  });

  test('rank movements carry reasons: the landed company, lost gap fit, gained synergy', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [land('sheet-co')] }));
    const byId = new Map(d.ranks.map((r) => [r.id, r]));
    expect(d.ranks[0]).toMatchObject({ id: 'sheet-co', status: 'landed', toRank: null });
    // sheet2-co sat on the 补链 gap that is now closed: its gap fit falls
    const sheet2 = byId.get('sheet2-co')!;
    expect(sheet2.featureDeltas.gapFit).toBeLessThan(0);
    expect(sheet2.reasons.map((r) => r.code)).toContain('whatif.rank.gap-fit');
    // parts2-co buys from sheet, now local: its chain synergy rises, and the reason names the upstream firm
    const parts2 = byId.get('parts2-co')!;
    expect(parts2.featureDeltas.synergy).toBeGreaterThan(0);
    const syn = parts2.reasons.find((r) => r.code === 'whatif.rank.synergy')!;
    expect(syn.zh).toContain('上海板材股份有限公司');
    expect(syn.en).toContain('upstream');
  });

  test('closing a firm reports the firm removed and the new gap', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [closeEnterprise('ingot-co')] }));
    const ingot = d.segments.find((s) => s.id === 'ingot')!;
    expect([ingot.from, ingot.to, ingot.firmsRemoved]).toEqual(['none', 'fill', ['ingot-co']]);
    // The loss headline names the new gap and the city figures once; no second line repeats them.
    expect(d.summary[0]!.code).toBe('whatif.summary.loss');
    expect(d.summary[0]!.zh).toContain('缺口增加 1 个');
    expect(d.summary.map((r) => r.code)).not.toContain('whatif.summary.opened');
    expect(d.summary.map((r) => r.code)).not.toContain('whatif.summary.city');
    expect(d.summary.filter((r) => r.zh.includes('全市链条完整度'))).toHaveLength(1);
  });

  test('a city priority change moves gap priorities and policy fit, with the reason', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [setPriority({ industry: 'energy' }, 1)] }));
    const cell = d.segments.find((s) => s.id === 'cell')!;
    expect(cell.priorityDelta).toBeGreaterThan(0);
    expect(cell.reasons.map((r) => r.code)).toContain('whatif.segment.city-priority');
    const cellCo = d.ranks.find((r) => r.id === 'cell-co')!;
    expect(cellCo.featureDeltas.policy).toBeGreaterThan(0);
    expect(cellCo.reasons.map((r) => r.code)).toContain('whatif.rank.policy');
  });

  test('a weights change is named in every moved company’s reasons', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [setWeights('build-first')] }));
    expect(d.segments).toEqual([]);
    expect(d.ranks.length).toBeGreaterThan(0);
    for (const r of d.ranks) expect(r.reasons[0]?.code).toBe('whatif.rank.weights');
  });

  const changes: fc.Arbitrary<Change[]> = fc.array(
    fc.oneof(
      fc.constantFrom('sheet-co', 'sheet2-co', 'cell-co', 'pack-co', 'cellpack-co').map((c) => land(c)),
      fc.constantFrom('ore-co', 'ingot-co', 'parts-co').map(closeEnterprise),
      fc.double({ min: 0, max: 1, noNaN: true }).map((w) => setPriority({ industry: 'energy' }, w)),
    ),
    { maxLength: 4 },
  ).filter((cs) => new Set(cs.map((c) => JSON.stringify(c))).size === cs.length);

  propTest.prop([changes], { numRuns: 25 })('applying then comparing is deterministic', (cs) => {
    const a = compareScenarios(base, runScenario(ds, { changes: cs }));
    const b = compareScenarios(runScenario(ds, { changes: [] }), runScenario(ds, { changes: structuredClone(cs) }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  propTest.prop([changes], { numRuns: 25 })('comparing a run with itself is empty', (cs) => {
    const run = runScenario(ds, { changes: cs });
    expect(compareScenarios(run, runScenario(ds, { changes: cs })).empty).toBe(true);
  });
});

describe('compareScenarios on the embedded 聊城 data', () => {
  test('if 哈轴 builds in 临清 on robot and auto bearings, both 补链 gaps close', () => {
    const lc = liaocheng();
    const context = buildGapContext(lc);
    const b = runScenario(lc, { changes: [] }, { context, rank: { top: 50 } });
    const o = runScenario(lc, { changes: [land('harbin-bearing', { segments: ['br-robot-bearing', 'br-auto-bearing'], county: '临清市', size: 20 })] }, { context, rank: { top: 50 } });
    const d = compareScenarios(b, o);
    const closed = d.segments.filter((s) => s.from !== 'none' && s.to === 'none').map((s) => s.id);
    expect(closed).toEqual(expect.arrayContaining(['br-robot-bearing', 'br-auto-bearing']));
    // the two landed segments lead the list (kind changes first, then the largest priority drop)
    expect(d.segments.slice(0, 2).map((s) => s.id)).toEqual(['br-robot-bearing', 'br-auto-bearing']);
    expect(d.city.completenessDelta).toBeGreaterThan(0);
    expect(d.industries.find((i) => i.id === 'bearings')?.completenessDelta).toBeGreaterThan(0);
  });
});
