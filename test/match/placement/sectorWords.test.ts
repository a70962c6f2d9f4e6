// Session 8 (place5, issue 13): a sector word of the name (电气, 重工, 装备) only breaks ties among a fine label's
// industries (申万 L3, GB/T 中类/小类), while it still picks freely among a coarse label's (Tushare 电气设备 → GB/T 38).
// Names are made up (某某…): the rule is general, none is keyed to a firm.
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { createPlacer } from '../../../src/match/placement/createPlacer.js';
import { defaultConcordances } from '../../../src/match/placement/defaultConcordances.js';

const sw3 = (name: string) => [{ scheme: 'sw2021' as const, level: 3, name }];
const vendor = (name: string) => [{ scheme: 'vendor' as const, name }];

describe('createPlacer: a sector word of the name against a fine label (sectorWordPicksWithin)', () => {
  const placer = createPlacer(liaocheng(), defaultConcordances());
  const free = createPlacer(liaocheng(), defaultConcordances(), { sectorWordPicksWithin: 0 });

  it('申万 风电零部件 (3415, 3311, 3393, 3451, 3062: mostly wind segments) stays on 新能源 for a 重工 / 电气 / 装备 name', () => {
    for (const name of ['某某重工股份有限公司', '某某电气股份有限公司', '某某高端装备股份有限公司']) {
      expect(placer.place({ name, industryLabels: sw3('风电零部件') }).industries[0], name).toBe('new-energy');
      // Without the rule the sector word (装备制造's 34/35, 3821/3823) picked 装备制造 over the label's lead.
      expect(free.place({ name, industryLabels: sw3('风电零部件') }).industries[0], name).toBe('equipment');
    }
  });

  it('申万 其他电源设备 (3419, 3829, 3849) stays on its codes\' lead for a 电气 / 电力设备 name', () => {
    const bare = placer.place({ name: '某某股份有限公司', industryLabels: sw3('其他电源设备Ⅲ') }).industries[0];
    expect(placer.place({ name: '某某电力设备股份有限公司', industryLabels: sw3('其他电源设备Ⅲ') }).industries[0]).toBe(bare);
    expect(placer.place({ name: '某某电气股份有限公司', industryLabels: sw3('其他电源设备Ⅲ') }).industries[0]).toBe(bare);
    expect(free.place({ name: '某某电气股份有限公司', industryLabels: sw3('其他电源设备Ⅲ') }).industries[0]).not.toBe(bare);
  });

  it('still picks freely among a coarse label\'s industries (Tushare 电气设备 → 38) and among tied ones', () => {
    expect(placer.place({ name: '某某电气股份有限公司', industryLabels: vendor('电气设备') }).industries[0]).toBe('equipment');
    // A product word (轴承, one industry) is not a sector word: it still leads over a fine label (申万 底盘与发动机系统).
    expect(placer.place({ name: '某某轴承股份有限公司', industryLabels: sw3('底盘与发动机系统') }).industries[0]).toBe('bearings');
  });
});
