import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_RATES, parseAmount, type ParsedAmount } from '../../../src/io/import/parseAmount.js';
import { parseUnit } from '../../../src/io/import/parseUnit.js';
import { parsePartialDate } from '../../../src/io/import/parsePartialDate.js';

const WAN = parseUnit('万元')!;
const yi = (text: string): number | undefined => {
  const r: ParsedAmount = parseAmount(text, WAN, DEFAULT_EXCHANGE_RATES);
  return r.kind === 'value' ? r.yi : undefined;
};

describe('parseUnit', () => {
  it('reads Chinese and English units and refuses words that are not units', () => {
    expect(parseUnit('万元')).toEqual({ currency: 'CNY', factor: 1e4, label: '万元' });
    expect(parseUnit('亿元')).toEqual({ currency: 'CNY', factor: 1e8, label: '亿元' });
    expect(parseUnit('元')).toEqual({ currency: 'CNY', factor: 1, label: '元' });
    expect(parseUnit('万美元')).toEqual({ currency: 'USD', factor: 1e4, label: '万美元' });
    expect(parseUnit('USD million')).toEqual({ currency: 'USD', factor: 1e6, label: 'USD million' });
    expect(parseUnit('US$ m')).toEqual({ currency: 'USD', factor: 1e6, label: 'USD million' });
    expect(parseUnit('年')).toBeUndefined();
    expect(parseUnit('')).toBeUndefined();
  });
});

describe('parseAmount', () => {
  it('reads the usual forms into 亿元 (values worked out by hand)', () => {
    expect(yi('5,000万元')).toBeCloseTo(0.5);
    expect(yi('1.2亿')).toBeCloseTo(1.2);
    expect(yi('3000 万')).toBeCloseTo(0.3);
    expect(yi('US$95m')).toBeCloseTo(6.84); // 95e6 × 7.2 / 1e8
    expect(yi('HK$3.5bn')).toBeCloseTo(32.2); // 3.5e9 × 0.92 / 1e8
    expect(yi('12,345.67万元人民币')).toBeCloseTo(1.2345667);
    expect(yi('人民币5000万')).toBeCloseTo(0.5);
    expect(yi('500万美元')).toBeCloseTo(0.36);
    expect(yi('3千万')).toBeCloseTo(0.3);
    expect(yi('5000')).toBeCloseTo(0.5); // bare number: the column unit (万元)
  });

  it('treats dashes and placeholders as missing', () => {
    for (const t of ['—', '-', '--', '', ' ', '不详', '未公开', 'N/A', '暂无']) expect(parseAmount(t, WAN, DEFAULT_EXCHANGE_RATES)).toEqual({ kind: 'missing' });
  });

  it('marks ranges and approximations as estimated, with the midpoint', () => {
    expect(parseAmount('1亿-5亿', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ kind: 'value', yi: 3, estimated: true });
    expect(parseAmount('1-5亿', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ kind: 'value', yi: 3, estimated: true });
    expect(parseAmount('5000万-1亿', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ kind: 'value', yi: 0.75, estimated: true });
    expect(parseAmount('约5亿元', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ kind: 'value', yi: 5, estimated: true });
    expect(parseAmount('5亿元以上', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ kind: 'value', estimated: true });
  });

  it('tells whether the unit was written or assumed', () => {
    expect(parseAmount('5000', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ unitAssumed: true, unit: { label: '万元' } });
    expect(parseAmount('5000万', WAN, DEFAULT_EXCHANGE_RATES)).toMatchObject({ unitAssumed: false });
  });

  it('returns error codes for negative and unreadable amounts', () => {
    expect(parseAmount('-500万', WAN, DEFAULT_EXCHANGE_RATES)).toEqual({ kind: 'error', code: 'negative-amount' });
    expect(parseAmount('(500)', WAN, DEFAULT_EXCHANGE_RATES)).toEqual({ kind: 'error', code: 'negative-amount' });
    for (const t of ['abc', '5,00万', '2023-01-01', '注册资本5000万', '1--2']) expect(parseAmount(t, WAN, DEFAULT_EXCHANGE_RATES)).toEqual({ kind: 'error', code: 'invalid-amount' });
  });

  test.prop([fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(['万元', 1e-4], ['亿元', 1], ['元', 1e-8], ['万', 1e-4], ['亿', 1])])(
    'a whole number with a Chinese unit reads back exactly, with or without thousands separators',
    (n, [unit, toYi]) => {
      expect(yi(`${n}${unit}`)).toBeCloseTo(n * toYi, 10);
      expect(yi(`${n.toLocaleString('en-US')}${unit}`)).toBeCloseTo(n * toYi, 10);
    },
  );

  test.prop([fc.string({ maxLength: 12 })])('never throws on any text', (t) => {
    const r = parseAmount(t, WAN, DEFAULT_EXCHANGE_RATES);
    expect(['missing', 'value', 'error']).toContain(r.kind);
    if (r.kind === 'value') expect(Number.isFinite(r.yi) || r.yi === Infinity).toBe(true);
  });
});

describe('parsePartialDate', () => {
  it('reads the usual date forms and Excel serial days, and refuses impossible dates', () => {
    expect(parsePartialDate('2011-12-16')).toBe('2011-12-16');
    expect(parsePartialDate('2011/1/6')).toBe('2011-01-06');
    expect(parsePartialDate('2011年12月16日')).toBe('2011-12-16');
    expect(parsePartialDate('20111216')).toBe('2011-12-16');
    expect(parsePartialDate('2011-12')).toBe('2011-12');
    expect(parsePartialDate('2011')).toBe('2011');
    expect(parsePartialDate('40893')).toBe('2011-12-16');
    expect(parsePartialDate('2011-02-30')).toBeUndefined();
    expect(parsePartialDate('去年')).toBeUndefined();
  });
});
