import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { companyIdFor } from '../../src/match/companyIdFor.js';
import { normalizeCompanyName } from '../../src/match/normalizeCompanyName.js';
import { normalizeText } from '../../src/match/normalizeText.js';
import { toSimplified } from '../../src/match/toSimplified.js';
import { Id } from '../../src/schema/common.js';

describe('normalizeCompanyName', () => {
  it('rejects malformed options with a UsageError (OPTIONS_INVALID)', () => {
    const bad = { places: 'not a list' } as unknown as { places: string[] };
    expect(() => normalizeCompanyName('x', bad)).toThrow(UsageError);
    try {
      normalizeCompanyName('x', bad);
    } catch (e) {
      expect((e as UsageError).code).toBe('OPTIONS_INVALID');
    }
  });

  it('strips legal forms, group and (中国) qualifiers, with brackets of both widths', () => {
    expect(normalizeCompanyName('鲁西化工集团股份有限公司')).toBe('鲁西化工');
    expect(normalizeCompanyName('西门子（中国）有限公司')).toBe('西门子');
    expect(normalizeCompanyName('西门子(中国)有限公司')).toBe('西门子');
    expect(normalizeCompanyName('深圳市振业(集团)股份有限公司')).toBe('振业');
    expect(normalizeCompanyName('信发集团有限公司')).toBe('信发');
    expect(normalizeCompanyName('某某有限责任公司')).toBe('某某');
  });

  it('gives the same key to one firm written with different legal forms', () => {
    const keys = ['聊城铝业科技有限公司', '聊城铝业科技股份有限公司', '聊城铝业科技有限责任公司', '聊城铝业科技集团有限公司'].map((n) => normalizeCompanyName(n));
    expect(new Set(keys).size).toBe(1);
  });

  it('strips leading province and city names unless only generic words would remain', () => {
    expect(normalizeCompanyName('山东鲁西化工集团股份有限公司')).toBe('鲁西化工');
    expect(normalizeCompanyName('聊城市信发集团', { places: ['聊城市'] })).toBe('信发');
    expect(normalizeCompanyName('聊城信发集团', { places: ['聊城市'] })).toBe('信发');
    // 北京银行 and 上海银行 are different banks: the place stays.
    expect(normalizeCompanyName('北京银行股份有限公司')).toBe('北京银行');
    expect(normalizeCompanyName('上海银行股份有限公司')).toBe('上海银行');
    expect(normalizeCompanyName('中国石油化工股份有限公司')).toBe('中国石油化工');
    // A one-character 字号 before generic words keeps its place: 兴安安实业 and 海安安实业 are not both 安实业.
    expect(normalizeCompanyName('兴安安实业有限公司', { places: ['兴安盟', '海安市'] })).toBe('兴安安实业');
    expect(normalizeCompanyName('海安安实业有限公司', { places: ['兴安盟', '海安市'] })).toBe('海安安实业');
    expect(normalizeCompanyName('山东鑫泰铝业股份有限公司')).toBe('鑫泰铝业');
    // A kept place is written without 市/省, and no shorter place strips it after all (review: 聊城市鲁实业 → 市鲁实业).
    const places = { places: ['聊城市', '临清市'] };
    expect(normalizeCompanyName('聊城市鲁实业有限公司', places)).toBe('聊城鲁实业');
    expect(normalizeCompanyName('聊城鲁实业有限公司', places)).toBe('聊城鲁实业');
    expect(normalizeCompanyName('山东聊城鲁实业有限公司', places)).toBe('聊城鲁实业');
    expect(normalizeCompanyName('山东省华轴承有限公司', places)).toBe(normalizeCompanyName('山东华轴承有限公司', places));
    expect(normalizeCompanyName('临清市轴承有限公司', places)).toBe(normalizeCompanyName('临清轴承有限公司', places));
  });

  it('matches in simplified characters and half-width forms, lower case, without punctuation', () => {
    expect(normalizeCompanyName('鴻海精密工業股份有限公司')).toBe('鸿海精密工业');
    expect(normalizeCompanyName('ＡＢＣ１２３科技有限公司')).toBe('abc123科技');
    expect(normalizeCompanyName('Contemporary Amperex Technology Co., Limited')).toBe('contemporaryamperextechnology');
  });

  it('never returns an empty key for a name with letters', () => {
    expect(normalizeCompanyName('有限公司').length).toBeGreaterThan(0);
    expect(normalizeCompanyName('')).toBe('');
  });
});

describe('normalizeText and toSimplified', () => {
  it('turns full-width digits, letters and brackets into half-width and trims spaces', () => {
    expect(normalizeText('　宁德时代（中国）１２３　')).toBe('宁德时代(中国)123');
    expect(normalizeText('【北京】 a\u00a0 b')).toBe('(北京) a b');
    expect(normalizeText('宁德时代')).toBe('宁德时代');
  });

  it('converts traditional characters and phrases, and leaves simplified text unchanged', () => {
    expect(toSimplified('鴻海精密工業')).toBe('鸿海精密工业');
    expect(toSimplified('臺灣積體電路製造')).toBe('台湾积体电路制造');
    expect(toSimplified('反覆')).toBe('反复');
    expect(toSimplified('宁德时代新能源')).toBe('宁德时代新能源');
    expect(toSimplified('abc')).toBe('abc');
  });
});

describe('companyIdFor', () => {
  it('gives a valid, stable id from pinyin and a hash of the key', () => {
    const id = companyIdFor('宁德时代新能源科技');
    expect(Id.safeParse(id).success).toBe(true);
    expect(id.startsWith('ningdeshidaixinnengyuankeji-')).toBe(true);
    expect(companyIdFor('宁德时代新能源科技')).toBe(id);
    expect(companyIdFor('宁德时代新能源')).not.toBe(id);
    // A cache changes nothing but speed.
    expect(companyIdFor('宁德时代新能源科技', new Map())).toBe(id);
  });

  it('keeps ids within the Id schema for Latin, digits and empty keys', () => {
    for (const key of ['abc123', '', '123', 'ü', '鸿海精密工业股份有限公司这是一个非常非常非常长的企业名称用于测试']) {
      expect(Id.safeParse(companyIdFor(key)).success).toBe(true);
    }
  });
});
