// Industry words of company names (data/concordance/name-words.json) and the placement rules that read them
// (issue 13, 2026-12-04). Names here are made up (某某…): the rules are general, none is keyed to a firm.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { createPlacer } from '../../../src/match/placement/createPlacer.js';
import { defaultConcordances, defaultNameWords } from '../../../src/match/placement/defaultConcordances.js';
import { Concordance } from '../../../src/schema/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILE = join(ROOT, 'data', 'concordance', 'name-words.json');
const GB_CSV = join(ROOT, '..', 'shared', 'data', 'external', 'gbt4754_2017_codes.csv');
const placer = createPlacer(liaocheng(), defaultConcordances());
const vendor = (name: string) => [{ scheme: 'vendor' as const, name }];

describe('data/concordance/name-words.json', () => {
  it('matches the Concordance schema, states its source and licence, and has no duplicate or nested codes', () => {
    const c = Concordance.parse(JSON.parse(readFileSync(FILE, 'utf8')));
    expect(c.source).toMatch(/GB\/T 4754-2017/);
    expect(c.licence.length).toBeGreaterThan(10);
    const labels = c.entries.map((e) => e.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const e of c.entries) {
      expect(e.gb.length, e.label).toBeGreaterThan(0);
      for (const a of e.gb) for (const b of e.gb) if (a !== b) expect(a.startsWith(b), `${e.label}: ${a} under ${b}`).toBe(false);
    }
    expect(defaultNameWords().length).toBe(c.entries.length);
  });

  it.skipIf(!existsSync(GB_CSV))('uses only codes of the official GB/T 4754-2017 list', () => {
    const official = new Set(Papa.parse<Record<string, string>>(readFileSync(GB_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => r.code!.trim()));
    const c = Concordance.parse(JSON.parse(readFileSync(FILE, 'utf8')));
    expect(c.entries.flatMap((e) => e.gb.filter((g) => !official.has(g)).map((g) => `${e.label} ${g}`))).toEqual([]);
  });
});

describe('createPlacer: the name\'s industry word', () => {
  it('alone places a firm known only by its name, as uncertain, with the word as evidence', () => {
    for (const [name, industry] of [['某某轴承科技股份有限公司', 'bearings'], ['某某液压股份有限公司', 'equipment'], ['某某食品股份有限公司', 'agrifood'], ['某某重工股份有限公司', 'equipment']] as const) {
      const p = placer.place({ name });
      expect(p.industries[0], name).toBe(industry);
      expect(p.status, name).toBe('uncertain');
    }
    expect(placer.place({ name: '某某轴承科技股份有限公司' }).evidence[0]).toMatchObject({ field: 'name', matched: expect.stringMatching(/^行业词 轴承 → GB\/T 3451,3452/) });
  });

  it('is the right-most word of the name, before the 组织形式 (阳光电源 → 电源, not 光电; 某某电气风电 → 风电)', () => {
    expect(placer.place({ name: '某某阳光电源股份有限公司' }).industries[0]).toBe('new-energy');
    expect(placer.place({ name: '上海某某电气风电集团股份有限公司' }).industries[0]).toBe('new-energy');
  });

  it('picks among the industries a coarse label allows (电气设备 → GB/T 38: switchgear or batteries)', () => {
    const label = vendor('电气设备');
    expect(placer.place({ name: '某某电气股份有限公司', industryLabels: label }).industries[0]).toBe('equipment');
    expect(placer.place({ name: '某某新能源科技股份有限公司', industryLabels: label }).industries[0]).toBe('new-energy');
    expect(placer.place({ name: '某某锂能股份有限公司', industryLabels: label }).industries[0]).toBe('new-energy');
  });

  it('picks 大健康 within 食品 (13, 14) for a 生物 name, 农副产品加工 for a 食品 name', () => {
    const label = vendor('食品');
    expect(placer.place({ name: '某某生物科技股份有限公司', industryLabels: label }).industries[0]).toBe('health');
    expect(placer.place({ name: '某某食品股份有限公司', industryLabels: label }).industries[0]).toBe('agrifood');
  });

  it('reads 农业 as crop farming (grain, beans, vegetables) within 种植业 (01), not 中药材', () => {
    expect(placer.place({ name: '某某农业发展股份有限公司', industryLabels: vendor('种植业') }).industries[0]).toBe('agrifood');
  });

  it('does not add an industry the products and scope leave out', () => {
    const p = placer.place({ name: '某某轴承有限公司', products: ['PVC树脂', '烧碱'], businessScope: '聚氯乙烯树脂、烧碱生产' });
    expect(p.industries).not.toContain('bearings');
  });
});

describe('createPlacer: codes that cover other industries\' segments', () => {
  it('a 中类 inside one industry\'s broad code counts for the segments it covers too (机械基件 → 345 over 3451 滚动轴承)', () => {
    const label = vendor('机械基件');
    expect(placer.place({ name: '某某轴承股份有限公司', industryLabels: label }).industries[0]).toBe('bearings');
    expect(placer.place({ name: '某某回转支承股份有限公司', industryLabels: label }).industries[0]).toBe('bearings');
    expect(placer.place({ name: '某某液压股份有限公司', industryLabels: label }).industries[0]).toBe('equipment');
  });

  it('the industry whose broad code holds the code comes first when nothing else speaks (IT设备 → 391)', () => {
    expect(placer.place({ name: '某某技术股份有限公司', industryLabels: vendor('IT设备') }).industries[0]).toBe('ict');
  });

  it('Tushare 农业综合 holds livestock farms (03) and 小金属 the lithium producers (2613)', () => {
    expect(placer.place({ name: '某某农牧股份有限公司', industryLabels: vendor('农业综合') }).industries[0]).toBe('agrifood');
    expect(placer.place({ name: '某某锂业股份有限公司', industryLabels: vendor('小金属') }).industries[0]).toBe('new-energy');
  });
});

describe('createPlacer: a service label and the name', () => {
  it('软件服务 (65) holds a firm whose name names a finer code of it on a chain (软件 → 6513); otherwise it stays off-chain', () => {
    const label = vendor('软件服务');
    const p = placer.place({ name: '某某软件股份有限公司', industryLabels: label });
    expect(p.status).toBe('confirmed');
    expect(p.industries[0]).toBe('ict');
    expect(placer.place({ name: '某某信息技术股份有限公司', industryLabels: label }).status).toBe('off-chain');
  });

  it('a name word outside the label\'s code does not (互联网 → 64; 软件 → 6513 is not within 64)', () => {
    expect(placer.place({ name: '某某网络软件股份有限公司', industryLabels: vendor('互联网') }).status).toBe('off-chain');
  });
});

describe('createPlacer: a label partly off every chain, and an off-chain name', () => {
  it('环境保护 (环保设备 3591 and 环境治理 77): 某某环境 / 某某环保集团 are off-chain', () => {
    for (const name of ['某某环境集团股份有限公司', '某某环保集团股份有限公司']) expect(placer.place({ name, industryLabels: vendor('环境保护') }).status, name).toBe('off-chain');
  });

  it('电器仪表 (40): a testing and certification firm is off-chain; 新型电力: a nuclear operator is, a wind-farm operator is not', () => {
    expect(placer.place({ name: '某某检测认证集团股份有限公司', industryLabels: vendor('电器仪表') }).status).toBe('off-chain');
    expect(placer.place({ name: '某某核电股份有限公司', industryLabels: vendor('新型电力') }).status).toBe('off-chain');
    expect(placer.place({ name: '某某风电股份有限公司', industryLabels: vendor('新型电力') }).industries[0]).toBe('new-energy');
  });

  it('a label wholly on a chain is not overruled by such a word (3252 铝压延加工 + 某某环境材料)', () => {
    expect(placer.place({ name: '某某环境检测铝业有限公司', industryLabels: [{ scheme: 'gb4754', level: 4, code: '3252', name: '铝压延加工' }] }).status).toBe('confirmed');
  });
});

describe('createPlacer: a product word of the name against a label that does not allow its industry', () => {
  const sw3 = (name: string) => [{ scheme: 'sw2021' as const, level: 3, name }];

  it('leads over a coarse label that names the customers\' sector or a broad group (某某轴承 under 工程机械; 某某激光 under 专用机械)', () => {
    const bearing = placer.place({ name: '某某特种轴承股份有限公司', industryLabels: vendor('工程机械') });
    expect(bearing.industries[0]).toBe('bearings');
    expect(bearing.evidence.some((e) => e.field === 'name' && /轴承/.test(e.matched))).toBe(true);
    expect(placer.place({ name: '某某激光科技股份有限公司', industryLabels: vendor('专用机械') }).industries[0]).toBe('ict');
    expect(placer.place({ name: '某某铜箔集团股份有限公司', industryLabels: sw3('锂电池') }).industries[0]).toBe('nonferrous');
  });

  it('keeps the label\'s industry as the second one when it is nearly as strong', () => {
    expect(placer.place({ name: '某某特种轴承股份有限公司', industryLabels: vendor('工程机械') }).industries).toContain('equipment');
  });

  it('a sector word (农业, 生物, 新能源) never leads over the label: 复合肥 stays 化工, 畜禽饲料 stays 农副产品加工, 电动乘用车 stays 汽车', () => {
    expect(placer.place({ name: '某某农业集团股份有限公司', industryLabels: sw3('复合肥') }).industries[0]).toBe('chemicals');
    expect(placer.place({ name: '某某生物股份有限公司', industryLabels: sw3('畜禽饲料') }).industries[0]).toBe('agrifood');
    expect(placer.place({ name: '某某新能源科技股份有限公司', industryLabels: sw3('电动乘用车') }).industries[0]).toBe('auto');
  });

  it('does not hold an off-chain label on a chain (某某轴承 under 银行 is still off-chain)', () => {
    expect(placer.place({ name: '某某轴承股份有限公司', industryLabels: vendor('银行') }).status).toBe('off-chain');
  });

  it('is an option: without it the label decides (nameWordOverrides: false)', () => {
    const plain = createPlacer(liaocheng(), defaultConcordances(), { nameWordOverrides: false });
    expect(plain.place({ name: '某某特种轴承股份有限公司', industryLabels: vendor('工程机械') }).industries[0]).toBe('equipment');
  });

  it('every sector word of name-words.json is one of its entries', () => {
    const raw = JSON.parse(readFileSync(FILE, 'utf8')) as { entries: { label: string }[]; sectorWords: string[] };
    const labels = new Set(raw.entries.map((e) => e.label));
    expect(raw.sectorWords.filter((w) => !labels.has(w))).toEqual([]);
    expect(defaultNameWords().filter((e) => e.lead === false).length).toBe(new Set(raw.sectorWords).size);
  });
});
