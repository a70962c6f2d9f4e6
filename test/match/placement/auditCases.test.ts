import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { isTradeOnly, tidyScope } from '../../../src/match/internal/scopeClauses.js';
import { createPlacer } from '../../../src/match/placement/createPlacer.js';
import { defaultConcordances } from '../../../src/match/placement/defaultConcordances.js';

// Known answers for the placement audit of session 7 (高端轴承 makers, traders, off-chain sectors, new-energy power),
// on the embedded 聊城 data. Each case failed before its fix.
const placer = createPlacer(liaocheng(), defaultConcordances());
const gb = (code: string) => [{ scheme: 'gb4754' as const, level: 4, code }];

describe('placement audit: bearing makers land on a bearing-making segment', () => {
  it('the product 轴承 alone is a bearing (通用轴承), not bearing steel, and not the ferrous chain', () => {
    const p = placer.place({ name: '某某有限公司', products: ['轴承'] });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['bearings'], segments: ['br-general-bearing'] });
  });

  it('C3451 滚动轴承制造 with the product 轴承: the code and the word agree on 通用轴承; no bearing steel, no ferrous', () => {
    const p = placer.place({ name: '某某有限公司', products: ['轴承'], industryLabels: gb('3451') });
    expect(p.industries).toEqual(['bearings']);
    expect(p.segments).toEqual(['br-general-bearing']);
  });

  it('a code given dominates a word that contradicts it: 3451 with 轴承钢 does not confirm 轴承钢与轴承管 (3120/3130)', () => {
    const p = placer.place({ name: '某某有限公司', products: ['轴承钢'], industryLabels: gb('3451') });
    expect(p.industries[0]).toBe('bearings');
    expect(p.segments).not.toContain('br-bearing-steel');
    // Without a code, or with a steel code, 轴承钢 is still bearing steel.
    expect(placer.place({ name: '某某有限公司', products: ['轴承钢'] }).segments).toEqual(['br-bearing-steel']);
    expect(placer.place({ name: '某某有限公司', products: ['轴承钢'], industryLabels: gb('3120') }).segments).toContain('br-bearing-steel');
  });

  it('轴承、轴承零件生产 in the scope (issue 13) confirms a bearing-making segment', () => {
    const p = placer.place({ name: '某某有限公司', businessScope: '轴承、轴承零件生产' });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['bearings'], segments: ['br-general-bearing'] });
  });
});

describe('placement audit: a trader behind stock phrases', () => {
  const scope = '一般项目：技术服务、技术开发、技术咨询；货物进出口；轴承销售';

  it('stock phrases removed, only 轴承销售 is left: trade only — on 聊城\'s own trade segment 轴承市场与贸易 (5174/5179), readable evidence', () => {
    expect(isTradeOnly([scope])).toBe(true);
    const p = placer.place({ name: '某某有限公司', businessScope: scope });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['bearings'], segments: ['br-bearing-trading'] });
    expect(p.evidence[0]!.text).toBe('轴承销售');
  });

  it('a trader of goods the city has no trade segment for stays off-chain (GB/T 51/52)', () => {
    const p = placer.place({ name: '某某有限公司', businessScope: '一般项目：技术服务；货物进出口；锂离子电池销售；光伏组件批发' });
    expect(p.status).toBe('off-chain');
    expect(p.industries).toEqual([]);
    expect(p.evidence[0]!.text).not.toMatch(/^[；;、]/);
  });

  it('tidyScope collapses what boilerplate leaves behind', () => {
    expect(tidyScope(scope)).toBe('轴承销售');
    expect(tidyScope('许可项目：保险业务；一般项目：保险代理')).toBe('保险业务；保险代理');
  });
});

describe('issue 13: 蔬菜供应链 / 冷链物流 find their segments; 供应链管理 alone is no steel', () => {
  it('蔬菜供应链 → 蔬菜批发市场与交易中心; 冷链物流 → 冷链; a vegetable supply chain is not steel distribution', () => {
    expect(placer.place({ name: '某某有限公司', products: ['蔬菜供应链'] })).toMatchObject({ industries: ['agrifood'], segments: ['ag-vegetable-market'] });
    expect(placer.place({ name: '某某有限公司', products: ['冷链物流'] })).toMatchObject({ industries: ['agrifood'], segments: ['ag-cold-chain'] });
    expect(placer.place({ name: '某某有限公司', businessScope: '蔬菜供应链管理；冷链物流' }).industries).not.toContain('ferrous');
    expect(placer.place({ name: '某某有限公司', businessScope: '钢材贸易；钢材加工配送；供应链管理' }).segments).toEqual(['fe-steel-supply-chain']);
  });
});

describe('createPlacer without concordances', () => {
  it('uses the shipped ones (a JavaScript caller passing only the dataset got a raw TypeError)', () => {
    const bare = createPlacer(liaocheng());
    expect(bare.place({ name: '某某有限公司', products: ['轴承'] })).toMatchObject({ industries: ['bearings'] });
  });
});

describe('review: goods whose names contain an off-chain word are not off-chain', () => {
  it.each([['汽车保险杠'], ['保险丝'], ['旅游鞋'], ['港口机械'], ['环境监测仪'], ['游戏手柄'], ['广告灯箱'], ['支付终端'], ['教育机器人']])('product %s', (product) => {
    expect(placer.place({ name: '某某有限公司', products: [product] }).status).not.toBe('off-chain');
  });

  it('a firm the name places on an industry (汽车部件) is not made off-chain by its product', () => {
    const p = placer.place({ name: '庚辛汽车部件有限公司', products: ['汽车保险杠'] });
    expect(p.status).not.toBe('off-chain');
    expect(p.industries).toContain('auto');
  });
});

describe('placement audit: off-chain sectors without codes', () => {
  it('所属行业 房地产开发经营 (a GB/T 小类 name without its code) resolves to 7010 and is off-chain', () => {
    const p = placer.place({ name: '某某有限公司', industryCode: '房地产开发经营' });
    expect(p.status).toBe('off-chain');
    expect(p.evidence[0]!.matched).toContain('7010');
  });

  it('a GB/T label given by name only (保险代理服务) is off-chain by its code 6852', () => {
    const p = placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, name: '保险代理服务' }] });
    expect(p.status).toBe('off-chain');
    expect(p.evidence[0]!.matched).toContain('6852');
  });

  it.each([
    [{ businessScope: '许可项目：保险业务；一般项目：保险代理' }, '68'],
    [{ businessScope: '酒店管理；餐饮服务' }, '61'],
    [{ products: ['网络游戏'] }, '64'],
    [{ businessScope: '歌舞厅娱乐活动' }, '9011'],
  ])('products or scope naming only an off-chain sector (%o) are off-chain with evidence (GB/T %s)', (text, code) => {
    const p = placer.place({ name: '某某有限公司', ...text });
    expect(p.status).toBe('off-chain');
    expect(p.industries).toEqual([]);
    expect(p.evidence[0]!.matched).toContain(`GB/T ${code}`);
  });

  it('a making clause or goods keeps a firm on: 游戏机制造, 餐饮设备 are not off-chain by these words', () => {
    expect(placer.place({ name: '某某有限公司', businessScope: '游戏机制造' }).status).not.toBe('off-chain');
    expect(placer.place({ name: '某某有限公司', products: ['餐饮设备'] }).status).not.toBe('off-chain');
  });
});

describe('placement audit: new-energy power generation', () => {
  it.each([
    ['新能源发电', ['ne-wind-farm', 'ne-pv-plant']],
    ['风力发电', ['ne-wind-farm']],
    ['太阳能发电', ['ne-pv-plant']],
  ])('%s in the scope confirms a generation segment of 新能源 only', (scope, allowed) => {
    const p = placer.place({ name: '某某有限公司', businessScope: scope });
    expect(p.status).toBe('confirmed');
    expect(p.industries).toEqual(['new-energy']);
    expect(p.segments.length).toBeGreaterThan(0);
    for (const s of p.segments) expect(allowed).toContain(s);
  });

  it('所属行业 新能源发电 (a vendor wording no concordance knows) confirms the wind-farm segment by retrieval; 太阳能发电 resolves by its GB/T name (4416)', () => {
    const p = placer.place({ name: '某某有限公司', industryCode: '新能源发电' });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['new-energy'], segments: ['ne-wind-farm'] });
    const solar = placer.place({ name: '某某有限公司', industryCode: '太阳能发电' });
    expect(solar).toMatchObject({ industries: ['new-energy'], segments: ['ne-pv-plant'] });
    expect(solar.evidence[0]!.matched).toContain('4416');
  });
});
