import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { createPlacer } from '../../../src/match/placement/createPlacer.js';
import { defaultConcordances } from '../../../src/match/placement/defaultConcordances.js';

// Known answers, one signal at a time, then combined, on the embedded 聊城 data (segments carry GB/T codes).
const placer = createPlacer(liaocheng(), defaultConcordances());

describe('createPlacer: each signal alone', () => {
  it('a GB/T 小类 code unique to one segment confirms the segment and its industry', () => {
    const p = placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }] });
    expect(p.status).toBe('confirmed');
    expect(p.industries[0]).toBe('nonferrous');
    expect(p.evidence[0]).toMatchObject({ field: 'industryLabels.gb4754.4', text: '3252 铝压延加工', matched: 'GB/T 3252' });
  });

  it('a code shared by many segments (3451 滚动轴承) confirms the industry only; a product word then picks the segment', () => {
    const code = placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3451' }] });
    expect(code).toMatchObject({ status: 'confirmed', industries: ['bearings'], segments: [] });
    const both = placer.place({ name: '某某有限公司', products: ['钢球'], industryLabels: [{ scheme: 'gb4754', level: 4, code: '3451' }] });
    expect(both.segments).toContain('br-steel-ball');
  });

  it('a GB/T 大类 name without a code resolves through the standard\'s names (有色金属冶炼和压延加工业 → 32)', () => {
    const p = placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 2, name: '有色金属冶炼和压延加工业' }] });
    expect(p.status).toBe('confirmed');
    expect(p.industries[0]).toBe('nonferrous');
  });

  it('a 申万 三级 label goes through the concordance (申万 铝 → 有色金属)', () => {
    const p = placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '铝' }] });
    expect(p.industries[0]).toBe('nonferrous');
    expect(p.evidence[0]!.matched).toMatch(/^sw2021 铝 → GB\/T /);
  });

  it('products alone: 轴承、轴承零件生产 lands on the bearing chain', () => {
    const p = placer.place({ name: '某某有限公司', products: ['轴承', '轴承零件'], businessScope: '轴承、轴承零件生产' });
    expect(p.status).toBe('confirmed');
    expect(p.industries[0]).toBe('bearings');
  });

  it('one specific keyword in the scope\'s lead making clause confirms its segment, though the product lines name nothing known', () => {
    const p = placer.place({ name: '某某有限公司', products: ['半钢胎', '全钢胎'], businessScope: '轮胎制造' });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['auto'], segments: ['au-tyres'] });
  });

  it('stock scope phrases (技术服务、技术开发、货物进出口) place nothing', () => {
    const p = placer.place({ name: '某某有限公司', businessScope: '一般项目：技术服务、技术开发、技术咨询；货物进出口；技术进出口' });
    expect(p.industries).toEqual([]);
    expect(p.status).toBe('uncertain');
  });

  it('商品 (goods) is a stock word: 商品零售 does not read as 商品混凝土, while 商品混凝土 itself still does', () => {
    expect(placer.place({ name: '某某商业有限公司', products: ['超市零售', '商品零售'] }).industries).not.toContain('building-materials');
    expect(placer.place({ name: '某某建材有限公司', products: ['商品混凝土'] }).industries[0]).toBe('building-materials');
  });
});

describe('createPlacer: off-chain', () => {
  it('an airline stays off-chain though its name shares 航空 with chain segments (航空铝材, 航空零部件)', () => {
    const label = [{ scheme: 'vendor' as const, name: '航空运输业' }];
    for (const name of ['中国国际航空股份有限公司', '中国南方航空股份有限公司']) {
      expect(placer.place({ name, industryLabels: label, products: ['航空客运、航空货运'] }).status, name).toBe('off-chain');
    }
    // A name keyword still places a firm whose label is on a chain.
    expect(placer.place({ name: '某某航空材料有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }] }).status).toBe('confirmed');
  });

  it('a bank by its GB/T code (66) is off-chain, with the code as evidence', () => {
    const p = placer.place({ name: '某某农村商业银行股份有限公司', industryLabels: [{ scheme: 'gb4754', level: 1, code: 'J', name: '金融业' }] });
    expect(p).toMatchObject({ status: 'off-chain', industries: [], segments: [] });
    expect(p.evidence[0]!.matched).toContain('outside every chain');
  });

  it('a property developer by its 申万 label, a game studio by its vendor label', () => {
    expect(placer.place({ name: '某某置业有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '住宅开发' }] }).status).toBe('off-chain');
    expect(placer.place({ name: '某某网络科技有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '游戏Ⅲ' }] }).status).toBe('off-chain');
  });

  it('without a label, products and scope that only trade goods make a trader (off-chain); a maker that also sells stays on', () => {
    const trader = placer.place({ name: '某某医药有限公司', products: ['药品分销'], businessScope: '药品、医疗器械批发与零售' });
    expect(trader).toMatchObject({ status: 'off-chain', industries: [], segments: [] });
    expect(trader.evidence[0]!.matched).toContain('GB/T 51/52');
    const maker = placer.place({ name: '某某有限公司', products: ['轴承'], businessScope: '轴承生产、销售' });
    expect(maker.industries[0]).toBe('bearings');
    // A label speaks for the codes: the trade-only text does not override it.
    expect(placer.place({ name: '某某有限公司', businessScope: '轴承销售', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3451' }] }).industries[0]).toBe('bearings');
  });

  it('without any industry label, a bank or an airline is recognised by its name', () => {
    expect(placer.place({ name: '中国东方航空股份有限公司' }).status).toBe('off-chain');
    expect(placer.place({ name: '某某银行股份有限公司' }).status).toBe('off-chain');
  });

  it('a code in a group of an industry\'s division that no segment covers (服装 1811, 农药 2631, 耐火 3089) places nothing; a sibling group still does', () => {
    for (const code of ['1811', '2631', '3089', '3951']) {
      expect(placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code }] }).industries).toEqual([]);
    }
    // 2614 有机化学原料 (chemicals segments) and 1711 棉纺纱 (textiles) are unaffected.
    expect(placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '2614' }] }).industries[0]).toBe('chemicals');
    expect(placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '1711' }] }).industries[0]).toBe('textiles');
  });

  it('a coarse service code (51 批发业) never covers a chain by itself', () => {
    const p = placer.place({ name: '某某商贸有限公司', industryLabels: [{ scheme: 'gb4754', level: 2, code: '51' }] });
    expect(p.industries).toEqual([]);
  });
});

describe('createPlacer: signals combined', () => {
  it('a code and a product agree: confirmed, both pieces of evidence kept', () => {
    const p = placer.place({ name: '某某铝业有限公司', products: ['铝箔'], industryLabels: [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }] });
    expect(p.status).toBe('confirmed');
    expect(p.segments).toContain('nf-al-sheet-foil');
    expect(p.evidence.map((e) => e.field)).toEqual(expect.arrayContaining(['industryLabels.gb4754.4', 'products']));
  });

  it('a product confirms a chain segment even when the label is coarse (制造业)', () => {
    const p = placer.place({ name: '某某新材料有限公司', products: ['锂电铜箔'], industryLabels: [{ scheme: 'gb4754', level: 1, code: 'C', name: '制造业' }] });
    expect(p.status).toBe('confirmed');
    expect(p.segments).toContain('nf-copper-foil');
  });

  it('is deterministic', () => {
    const c = { name: '某某有限公司', products: ['铝型材', '光伏边框'], industryLabels: [{ scheme: 'sw2021' as const, level: 3, name: '铝' }] };
    expect(placer.place(c)).toEqual(placer.place(c));
  });
});

describe('createPlacer: rules of 2026-12-04 (service codes, words pick among code-allowed industries)', () => {
  it('a thermal utility (申万 火力发电 → 4411, 4412) is off-chain though 4412 热电联产 is the code of the 自备电厂 segment', () => {
    const p = placer.place({ name: '某某电力股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '火力发电' }] });
    expect(p.status).toBe('off-chain');
    expect(p.industries).toEqual([]);
  });

  it('the same utility code still places a firm whose products name the chain\'s goods', () => {
    const p = placer.place({ name: '某某铝业有限公司', products: ['铝板带', '铝箔'], industryLabels: [{ scheme: 'sw2021', level: 3, name: '火力发电' }] });
    expect(p.status).not.toBe('off-chain');
    expect(p.industries[0]).toBe('nonferrous');
  });

  it('a trading label (原材料供应链服务 → 7224, 516x) is off-chain; a wind-farm code (4415) alone still places on 新能源', () => {
    expect(placer.place({ name: '某某供应链股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '原材料供应链服务' }] }).status).toBe('off-chain');
    const wind = placer.place({ name: '某某有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '4415', name: '风力发电' }] });
    expect(wind.status).not.toBe('off-chain');
    expect(wind.industries[0]).toBe('new-energy');
  });

  it('a goods code of a broad label holds the firm (家居用品 → 21 家具 …)', () => {
    const p = placer.place({ name: '某某家居股份有限公司', industryLabels: [{ scheme: 'vendor', name: '家居用品' }] });
    expect(p.status).not.toBe('off-chain');
    expect(p.industries).toContain('textiles');
  });

  it('codes allowing several industries (汽车配件: 3670) and a name word (轴承) put the named industry first', () => {
    const label = [{ scheme: 'vendor' as const, name: '汽车配件' }];
    expect(placer.place({ name: '某某汽车轴承股份有限公司', industryLabels: label }).industries[0]).toBe('bearings');
    // Without the word the codes decide as before.
    expect(placer.place({ name: '某某股份有限公司', industryLabels: label }).industries[0]).toBe('auto');
  });

  it('a name word alone never adds an industry the codes do not allow', () => {
    // 3252 铝压延加工 allows 有色金属 (and the PV-frame segment of 新能源), not 大健康.
    const p = placer.place({ name: '某某医药铝箔有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }] });
    expect(p.industries[0]).toBe('nonferrous');
  });
});

describe('createPlacer: product lines and ties (2026-12-04)', () => {
  it('a scope line that names one segment confirms it, though the product list around it is diffuse', () => {
    const p = placer.place({ name: '某某食品有限公司', products: ['速冻水饺', '汤圆'], businessScope: '速冻食品生产' });
    expect(p.status).toBe('confirmed');
    expect(p.segments).toContain('ag-premade-meals');
  });

  it('a line matched by a single term places nothing by itself (移动通信 → 通信)', () => {
    const p = placer.place({ name: '某某通信集团有限公司', products: ['移动通信'], businessScope: '基础电信业务' });
    expect(p.segments).toEqual([]);
  });

  it('a code two industries share one segment each (2511) is read by the label\'s words: 石油加工 → 绿色化工 first', () => {
    const p = placer.place({ name: '某某股份有限公司', industryLabels: [{ scheme: 'vendor', name: '石油加工' }] });
    expect(p.industries[0]).toBe('chemicals');
  });
});

describe('createPlacer: segment vocabulary (2026-12-04, place3)', () => {
  it('车轴 (axle) is 车桥\'s synonym: 挂车车轴总成 under 汽车零部件及配件制造 confirms the chassis-parts segment', () => {
    const p = placer.place({ name: '美国RTK科技公司', products: ['挂车车轴总成'], industryLabels: [{ scheme: 'gb4754', name: '汽车零部件及配件制造' }] });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['auto'], segments: ['au-chassis-parts'] });
  });

  it('the axle words do not read a vehicle bearing (电动车轴承, 摩托车轴承) as an axle', () => {
    for (const product of ['电动车轴承', '摩托车轴承']) expect(placer.place({ name: '某某有限公司', products: [product] }).industries[0]).toBe('bearings');
  });

  it('supplement ingredients (软骨素, 叶黄素, 氨糖, 鱼油, 益生菌) are 保健食品与功能食品', () => {
    const p = placer.place({ name: '武汉红桃开集团', products: ['软骨素、越橘叶黄素'], industryLabels: [{ scheme: 'gb4754', name: '食品制造业' }] });
    expect(p).toMatchObject({ status: 'confirmed', industries: ['health'], segments: ['hl-health-foods'] });
    for (const product of ['氨糖软骨素片', '鱼油软胶囊', '益生菌粉']) {
      expect(placer.place({ name: '某某生物科技有限公司', products: [product] })).toMatchObject({ status: 'confirmed', segments: ['hl-health-foods'] });
    }
  });
});

describe('createPlacer: labels (2026-12-04, place3)', () => {
  it('申万 其他农产品加工 (制糖、淀粉、豆制品 makers) leads to 农副产品加工, not to cotton ginning\'s 0514 on 轻工纺织', () => {
    const p = placer.place({ name: '某某豆制品股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '其他农产品加工' }] });
    expect(p.industries[0]).toBe('agrifood');
    expect(p.industries).not.toContain('textiles');
  });

  it('a goods label that is a segment\'s own name (申万 钢结构, GB/T 3311 shared with PV mounts and wind towers) names that segment', () => {
    const p = placer.place({ name: '某某股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '钢结构' }] });
    expect(p.industries[0]).toBe('ferrous');
    expect(p.segments).toContain('fe-steel-structure');
  });

  it('a sector word of the name (电子) does not pick over the segment the label names (申万 电子化学品 → 绿色化工)', () => {
    const p = placer.place({ name: '常州某某电子新材料股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '电子化学品Ⅲ' }] });
    expect(p.industries[0]).toBe('chemicals');
    expect(p.segments).toContain('ch-electronic-chemicals');
  });

  it('a service label that is a segment\'s keyword (检测服务) does not name the segment: nothing is lifted', () => {
    const withRule = placer.place({ name: '某某检测股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '检测服务' }] });
    const without = createPlacer(liaocheng(), defaultConcordances(), { labelNamesSegment: false }).place({ name: '某某检测股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '检测服务' }] });
    expect(withRule).toEqual(without);
  });
});

describe('createPlacer: segment codes (2026-12-04, place3)', () => {
  it('GB/T 1495 食品及饲料添加剂 (fermentation amino acids) is a code of 合成生物与生物制造: a 生物 firm under 申万 食品及饲料添加剂 leads on 大健康', () => {
    const p = placer.place({ name: '某某生物科技股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '食品及饲料添加剂' }] });
    expect(p.industries[0]).toBe('health');
    expect(p.segments).toContain('hl-synthetic-bio');
    // Without a word of the name, the code still allows 大健康 beside 绿色化工's feed additives.
    expect(placer.place({ name: '某某股份有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '1495' }] }).industries).toContain('health');
  });
});

describe('createPlacer: 申万 锦纶 (2026-12-04, place3)', () => {
  it('申万 锦纶 covers the nylon chain from polymer (2653: caprolactam, PA6 chips) to fibre (2821), as 涤纶 does: chemicals stands beside textiles', () => {
    const p = placer.place({ name: '某某股份有限公司', industryLabels: [{ scheme: 'sw2021', level: 3, name: '锦纶' }] });
    expect(p.status).toBe('confirmed');
    expect([...p.industries].sort()).toEqual(['chemicals', 'textiles']);
  });
});
