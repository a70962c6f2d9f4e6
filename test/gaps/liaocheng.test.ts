import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import type { SegmentGap } from '../../src/gaps/types.js';

/** One short label per segment: kind, plus direction / weaknesses / build basis. */
function label(g: SegmentGap): string {
  switch (g.kind) {
    case 'extend':
      return `extend:${g.direction}${g.strategicSupply === true ? ':strategic-supply' : ''}`;
    case 'strengthen':
      return `strengthen:${g.weakness.join('+')}`;
    case 'build':
      return `build:${g.basis}`;
    case 'none':
      return g.basis !== undefined ? `none:${g.basis}` : 'none';
    default:
      return g.kind;
  }
}

describe('gap analysis of the embedded 聊城 data', () => {
  const a = analyzeGaps(liaocheng());
  const kindOf = (id: string): string => {
    const g = a.segments.find((s) => s.id === id);
    if (!g) throw new Error(`segment ${id} not in the data`);
    return label(g);
  };

  // Reviewed 2026-12 (issue 14, corrections.json): the three presence corrections move 13 verdicts.
  // - PVC (信发华兴 60万吨/年), 光伏电站, 预焙阳极 (信发): present → none (the review's false gaps).
  // - 塑料管材: its PVC input is now local → no longer 强链 low-local-supply.
  // - 药用辅料与包材: PVC (a supplier) present → 补链 (hole between PVC and 药品) instead of 延链.
  // - 电力电缆: PVC raises its local demand against its small presence → low-presence added to single-firm.
  // - 光伏/风电: with 光伏电站 present the sub-direction is no longer near-empty, so 建链 (strategic-unit)
  //   gives way to position: 组件, 支架与边框, 风机 → 补链; 逆变器, 塔筒叶片 → 延链 upstream; 多晶硅, 电池片
  //   (no local neighbour) → 建链 no-local-base. (The label rules of issue 14 item 4 may refine these.)
  it('classifies every segment as a reviewed snapshot records it (review any change before updating with -u)', async () => {
    const kinds = Object.fromEntries([...a.segments].sort((x, y) => (x.id < y.id ? -1 : 1)).map((g) => [g.id, label(g)]));
    await expect(`${JSON.stringify(kinds, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/liaocheng-kinds.json');
  });

  it('agrees with an analyst on the anchor cases', () => {
    // 信发's primary aluminium: one very large firm, the chain leader — present and healthy, not 强链.
    expect(kindOf('nf-primary-aluminium')).toBe('none');
    // Aluminium deep processing next to the local aluminium chain: 补链 or 延链 (downstream), never 建链.
    for (const id of ['nf-al-sheet-foil', 'nf-aviation-al', 'nf-copper-foil']) expect(kindOf(id)).toMatch(/^(fill|extend:downstream(:strategic-supply)?)$/);
    // 友升's extrusions (its battery-tray beams) make 铝型材 present.
    expect(kindOf('nf-al-extrusion')).toBe('none');
    // A cluster record of 2,200 firms is not "one firm": 临清 bearings are healthy.
    expect(kindOf('br-general-bearing')).toBe('none');
    // Hydrogen and energy-storage manufacturing: the city lacks the chain — 建链.
    for (const id of ['ne-electrolyser', 'ne-hydrogen-station', 'ne-bms-pcs', 'ne-battery-cell']) expect(kindOf(id)).toBe('build:strategic-unit');
    // Issue 14: hydrogen production is fed directly by 鲁西's chlor-alkali and coal gasification (by-product
    // hydrogen, supply push ≥ 0.8): 延链 downstream with the strategic flag, not 建链.
    expect(kindOf('ne-hydrogen-production')).toBe('extend:downstream:strategic-supply');
    // Resources (bauxite, copper concentrate) rank low: a supply to secure, not a firm to attract.
    const top20 = a.segments.slice(0, 20).map((s) => s.id);
    expect(top20).not.toContain('nf-bauxite');
    expect(top20).not.toContain('nf-copper-concentrate');
  });

  it('keeps every count and summary consistent', () => {
    const total = Object.values(a.city.counts).reduce((t, n) => t + n, 0);
    expect(total).toBe(liaocheng().segments.length);
    expect(a.industries).toHaveLength(liaocheng().industries.length);
    for (const i of a.industries) expect(i.topGaps.length).toBeLessThanOrEqual(5);
  });
});
