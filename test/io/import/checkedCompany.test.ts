import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkedCompany } from '../../../src/io/import/checkedCompany.js';
import { Company } from '../../../src/schema/company.js';

// checkedCompany must be a sufficient condition for Company.safeParse: whenever it returns a record,
// the schema accepts the candidate and returns the same record with the same key order.
const base = {
  id: 'lutai-0abc123',
  name: '山东鲁泰纺织股份有限公司',
  hq: { province: '山东省', city: '淄博市' },
  ownership: 'private',
  source: 'import:a.csv row 2',
  confidence: 'medium',
  asOf: '2025',
};

const text = fc.oneof(
  fc.constantFrom('铝型材', ' 铝型材', '铝型材 ', '', '　', 'abc', '鸿海', 'x\u3000'),
  fc.string({ maxLength: 6 }),
);
const value = fc.oneof(
  text,
  fc.constantFrom(undefined, null, 0, -0, -1, 1.5, 1950, 1949, 2100, 2101, Number.NaN, Number.POSITIVE_INFINITY, true, 'private', 'listed', 'china-500', '10-50', 'high', '2024-02', '2024-13', 'Bad Id', 'ok-id'),
  fc.array(fc.oneof(text, fc.constantFrom('listed', 'ok-id', 'Bad Id', 1)), { maxLength: 3 }),
  fc.record({ province: text, city: text }),
  fc.record({ country: fc.option(text, { nil: undefined }), province: text, city: text }, { requiredKeys: ['province', 'city'] }),
  fc.constantFrom(100_000, 100_001, 10_000_000, 10_000_001, 'constructor', 'prototype', ['constructor']),
  // Industry labels: valid ones, keys out of order, out-of-range levels, unknown schemes, extra keys.
  fc.array(
    fc.oneof(
      fc.record({ scheme: fc.constantFrom('gb4754', 'sw2021', 'csrc2012', 'vendor', 'wind'), level: fc.constantFrom(1, 4, 0, 5, 2.5), code: fc.constantFrom('3252', 'C', 'x'.repeat(17)), name: text }, { requiredKeys: ['scheme'] }),
      fc.constantFrom({ level: 4, scheme: 'gb4754' }, { scheme: 'gb4754', extra: 1 }, null, 'gb4754'),
    ),
    { maxLength: 3 },
  ),
);
const key = fc.constantFrom(
  'id', 'name', 'nameEn', 'aliases', 'hq', 'ownership', 'segments', 'products', 'businessScope', 'industryCode', 'revenue', 'revenueBand',
  'revenueYear', 'revenueEstimated', 'lists', 'stockCode', 'note', 'source', 'confidence', 'asOf', 'growth', 'signals', 'extra',
  'industryLabels', 'industries', 'local', 'registeredCapital', 'employees',
);
const candidate = fc.tuple(fc.dictionary(key, value, { maxKeys: 5 }), fc.array(key, { maxLength: 2 })).map(([over, drop]) => {
  const c: Record<string, unknown> = { ...base, ...over };
  for (const k of drop) delete c[k];
  return c;
});

describe('checkedCompany', () => {
  test('returns the parse of a plainly valid record, keys in the schema order', () => {
    const c = { ...base, products: ['铝型材', '铝板'], revenue: 12.5, revenueBand: '10-50', revenueYear: 2023, lists: ['listed'], note: 'n', hq: { city: '淄博市', province: '山东省' } };
    const fast = checkedCompany(c);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(Company.parse(c)));
  });

  test('returns the candidate itself when its keys are already in the schema order', () => {
    const c = { id: base.id, name: base.name, hq: { province: '山东省', city: '淄博市' }, ownership: 'private', products: ['铝型材'], source: base.source, confidence: 'low', asOf: '2024-05' };
    expect(checkedCompany(c)).toBe(c);
    expect(checkedCompany({ ...c, hq: { city: '淄博市', province: '山东省' } })).not.toBe(c);
  });

  test('leaves untrimmed text, bad ids, unknown keys and missing required keys to the schema', () => {
    expect(checkedCompany({ ...base, name: ' 鲁泰 ' })).toBeUndefined();
    expect(checkedCompany({ ...base, id: 'Lutai' })).toBeUndefined();
    expect(checkedCompany({ ...base, extra: 1 })).toBeUndefined();
    const { asOf: _asOf, ...noAsOf } = base;
    expect(checkedCompany(noAsOf)).toBeUndefined();
    expect(checkedCompany({ ...base, revenueYear: 1949 })).toBeUndefined();
  });

  test.prop([candidate], { numRuns: 2000 })('whenever it answers, the schema accepts the record and returns the same', (c) => {
    const fast = checkedCompany(c);
    if (fast === undefined) return;
    const parsed = Company.safeParse(c);
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
    expect(fast).toStrictEqual(parsed.data);
  });

  test.prop([candidate], { numRuns: 500 })('answers for every candidate the schema accepts unchanged from plain values', (c) => {
    // Not required for correctness (undefined only costs a zod parse), but the fast path must be the usual one.
    const parsed = Company.safeParse(c);
    // Plain all the way down: the fast path declines (rightly) an object with a null or foreign prototype at any depth.
    const plainDeep = (v: unknown): boolean =>
      Array.isArray(v) ? v.every(plainDeep) : typeof v === 'object' && v !== null ? Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plainDeep) : true;
    const plain = Object.values(c).every((v) => v !== undefined && plainDeep(v)) && !('growth' in c) && !('signals' in c) && !('extra' in c);
    if (parsed.success && plain && JSON.stringify(parsed.data) === JSON.stringify(Object.fromEntries(Object.keys(Company.shape).filter((k) => k in c).map((k) => [k, c[k]])))) {
      const hq = c.hq as Record<string, unknown>;
      if (Object.keys(hq).join() === 'province,city') expect(checkedCompany(c)).toBeDefined();
    }
  });
});
