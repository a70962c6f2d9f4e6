// Issue 16 item 5: closing an anchor reads as a loss; a gap that closes because its demand went away says so.
import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import { closeEnterprise } from '../../src/whatif/closeEnterprise.js';
import { compareScenarios } from '../../src/whatif/compareScenarios.js';
import { runScenario } from '../../src/whatif/runScenario.js';
import type { Change } from '../../src/whatif/scenario.js';
import { whatifFixture } from './fixture.js';

const ds = whatifFixture();
const base = runScenario(ds, { changes: [] });

const firm = (id: string, segment: string, revenue: number, firms = 1): Change => ({
  type: 'add-enterprise',
  enterprise: { id, name: `手工${id}`, segments: [segment], county: '乙区', revenue, firms, source: 'test', confidence: 'high', asOf: '2026-01' },
});

describe('honest what-if summary', () => {
  test('closing the only smelter: the first line says what was lost, never 补上', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [closeEnterprise('ingot-co')] }));
    const first = d.summary[0]!;
    expect(first.code).toBe('whatif.summary.loss');
    expect(first.zh).toMatch(/^失去：测试冶炼 关停/);
    // Issue 14: parts (p 0.77) losing its local supplier is a supply-security finding, not a 强链 gap, so only ingot opens.
    expect(first.zh).toContain('缺口增加 1 个');
    expect(first.zh).toContain('全市链条完整度 50.79% → 28.57%');
    expect(first.zh).toContain('零部件 的本地企业失去本地供应商');
    expect(first.zh).toContain('矿石 的本地企业失去本地客户');
    expect(first.en).toMatch(/^Lost: /);
    expect(first.en).toContain('left without a local supplier');
    expect(d.summary.some((r) => r.zh.includes('补上') || /\bfilled\b/.test(r.en))).toBe(false);
    expect(d.losses).toMatchObject({ lost: true, firmsClosed: ['ingot-co'], gapsOpened: ['ingot'] });
    expect(d.losses.withoutLocalSupplier.map((s) => s.id)).toEqual(['parts']);
    expect(d.losses.withoutLocalCustomer.map((s) => s.id)).toEqual(['ore']);
  });

  test('a landing has no loss line and its closed gap is 补上 (filled)', () => {
    const d = compareScenarios(base, runScenario(ds, { changes: [{ type: 'land', company: 'sheet-co' }] }));
    expect(d.losses.lost).toBe(false);
    expect(d.summary[0]!.code).toBe('whatif.summary.closed');
    expect(d.summary[0]!.zh).toContain('补上');
    expect(d.segments.find((s) => s.id === 'sheet')!.closedBy).toBe('filled');
  });

  test('a gap that closes only because its demand disappeared reads 需求消失, not 补上', () => {
    // A weak smelter cluster (p 0.46, five firms) under strong local demand from a sheet mill is 强链 (low presence);
    // when the sheet mill closes, nothing is added on ingot but its demand pull falls below 0.4: the gap closes.
    const before: Change[] = [closeEnterprise('ingot-co'), firm('small-ingot', 'ingot', 5, 5), firm('big-sheet', 'sheet', 50)];
    const a = runScenario(ds, { name: 'before', changes: before });
    const b = runScenario(ds, { name: 'after', changes: [...before, closeEnterprise('big-sheet')] });
    expect(a.gaps.segments.find((g) => g.id === 'ingot')!.kind).toBe('strengthen');
    const d = compareScenarios(a, b);
    const ingot = d.segments.find((s) => s.id === 'ingot')!;
    expect([ingot.from, ingot.to, ingot.closedBy, ingot.firmsAdded]).toEqual(['strengthen', 'none', 'demand-disappeared', []]);
    expect(ingot.demandPullTo).toBeLessThan(ingot.demandPullFrom);
    expect(ingot.reasons.map((r) => r.code)).toContain('whatif.segment.demand-disappeared');
    const line = d.summary.find((r) => r.code === 'whatif.summary.demand-disappeared')!;
    expect(line.zh).toContain('需求消失');
    expect(line.zh).toContain('金属锭');
    expect(line.en).toContain('demand disappeared');
    expect(d.summary[0]!.code).toBe('whatif.summary.loss');
    expect(d.summary.some((r) => r.zh.includes('补上'))).toBe(false);
    for (const r of d.ranks.flatMap((x) => x.reasons)) expect(r.zh).not.toContain('补上');
  });

  test('closing 信发集团 (xinfa-group) in the 聊城 data: the first line names the loss', () => {
    const data = liaocheng();
    const context = buildGapContext(data);
    const d = compareScenarios(runScenario(data, { changes: [] }, { context }), runScenario(data, { changes: [closeEnterprise('xinfa-group')] }, { context }));
    const first = d.summary[0]!;
    expect(first.code).toBe('whatif.summary.loss');
    expect(first.zh).toMatch(/^失去：信发集团/);
    expect(first.zh).toContain('缺口增加');
    expect(first.zh).toContain('电解铝');
    expect(first.zh).toMatch(/全市链条完整度 [\d.]+% → [\d.]+%，本地配套率 [\d.]+% → [\d.]+%/);
    expect(first.zh).toMatch(/失去本地(供应商|客户)/);
    expect(d.summary.some((r) => r.zh.includes('补上'))).toBe(false);
    const wind = d.segments.find((s) => s.to === 'none' && s.from !== 'none');
    if (wind !== undefined) expect(wind.closedBy).toBe('demand-disappeared');
  });
});
