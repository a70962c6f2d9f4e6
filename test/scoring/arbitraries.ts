// fast-check generators of companies for the mini dataset of helpers.ts.
import { fc } from '@fast-check/vitest';
import type { Company } from '../../src/schema/index.js';
import { company } from './helpers.js';

const HQS = [
  { province: '上海市', city: '上海市' },
  { province: '山东省', city: '测试市' },
  { province: '远方省', city: '远方市' },
  { province: '无名省', city: '无名市' },
] as const;

const date = fc.tuple(fc.integer({ min: 2015, max: 2027 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

/** The fields of a company that scoring reads, without the id. */
export const companyBody = fc.record(
  {
    segments: fc.subarray(['up', 'gap', 'ok', 'nowhere']),
    hq: fc.constantFrom(...HQS),
    revenue: fc.double({ min: 0, max: 20000, noNaN: true }),
    lists: fc.subarray(['fortune-global-500', 'china-500', 'china-private-500', 'china-manufacturing-500', 'specialized-little-giant', 'listed'] as const),
    growth: fc.double({ min: -1, max: 3, noNaN: true }),
    signals: fc.array(fc.record({ type: fc.constantFrom('new-plant', 'capex', 'financing', 'expansion', 'ipo', 'merger', 'growth', 'other'), date, text: fc.constant('信号'), source: fc.constant('t') }), { maxLength: 3 }),
    ties: fc.array(fc.record({ type: fc.constantFrom('parent-of-local', 'subsidiary-of-local', 'supplier-of-local', 'customer-of-local', 'partner-of-local', 'native-entrepreneur', 'existing-investment'), text: fc.constant('关联'), source: fc.constant('t') }), { maxLength: 2 }),
    risks: fc.array(fc.record({ type: fc.constantFrom('distress', 'litigation', 'environmental', 'overcapacity', 'sanctions', 'other'), severity: fc.constantFrom('low', 'medium', 'high'), text: fc.constant('风险'), source: fc.constant('t') }), { maxLength: 2 }),
  },
  { requiredKeys: ['segments', 'hq'] },
);

/** A list of 1–12 companies with unique ids for the mini dataset. */
export const companies = fc.array(companyBody, { minLength: 1, maxLength: 12 }).map((bodies) =>
  bodies.map((b, i): Company => company(`c${String(i).padStart(2, '0')}`, b as Partial<Company>)),
);
