import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { companyFieldSupport, dataQualityReport, isCheckableSource, renderDataQualityReport, strictFindings } from '../../src/dataset/dataQuality.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import type { Company } from '../../src/schema/company.js';
import type { Dataset } from '../../src/schema/dataset.js';

const base: Company = {
  id: 'acme',
  name: '某某集团有限公司',
  hq: { province: '山东省', city: '济南市' },
  ownership: 'private',
  segments: [],
  source: 'general knowledge',
  confidence: 'low',
  asOf: '2025',
};

const withCompanies = (companies: Company[]): Dataset => ({ ...liaocheng(), companies });

describe('isCheckableSource', () => {
  it('tells a named document from general knowledge', () => {
    expect(isCheckableSource('a_share_companies_merged.csv 000830.SZ')).toBe(true);
    expect(isCheckableSource('general knowledge')).toBe(false);
    expect(isCheckableSource('general knowledge (主营产品与营收区间)')).toBe(false);
    expect(isCheckableSource('编者估计：按产能估计')).toBe(false);
    expect(isCheckableSource('东阿阿胶年报（实际控制人中国华润）; general knowledge')).toBe(true);
    expect(isCheckableSource('enterprises.json baoxin-food')).toBe(false);
    expect(isCheckableSource(undefined)).toBe(false);
  });

  fcTest.prop([fc.array(fc.constantFrom('general knowledge', '一般知识', '编者判断', ' ', ''), { maxLength: 5 })])('a source made only of general-knowledge parts is never checkable', (parts) => {
    expect(isCheckableSource(parts.join('; '))).toBe(false);
  });

  fcTest.prop([fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /^[A-Za-z0-9.]+$/.test(s) && isCheckableSource(s))])('adding general knowledge to a checkable source keeps it checkable', (doc) => {
    expect(isCheckableSource(`${doc}; general knowledge`)).toBe(true);
  });
});

describe('companyFieldSupport', () => {
  it('counts a field only when its own source is checkable', () => {
    const c: Company = {
      ...base,
      revenueBand: '100-500',
      stockCode: '600000.SH',
      sources: {
        revenueBand: { source: '编者估计：按产能', asOf: '2026-12', confidence: 'low', estimate: true },
        stockCode: { source: 'a_share_companies_merged.csv 600000.SH', asOf: '2025-06', confidence: 'high' },
      },
    };
    const f = Object.fromEntries(companyFieldSupport(c).map((x) => [x.field, x]));
    expect(f['size']?.checkable).toBe(false);
    expect(f['size']?.estimate).toBe(true);
    expect(f['stockCode']?.checkable).toBe(true);
    expect(f['stockCode']?.reference).toBe(true);
    expect(f['ownership']?.checkable).toBe(false);
  });

  it('a tie field is checkable only when every tie is dated and followable', () => {
    const tie = { type: 'supplier-of-local' as const, text: '供货', source: '某公司 2023 年报' };
    const undated = companyFieldSupport({ ...base, ties: [tie] }).find((x) => x.field === 'ties');
    const dated = companyFieldSupport({ ...base, ties: [{ ...tie, since: '2023' }] }).find((x) => x.field === 'ties');
    expect(undated?.checkable).toBe(false);
    expect(dated?.checkable).toBe(true);
  });
});

describe('dataQualityReport', () => {
  it('lists a size whose source says estimate while the record is not marked revenueEstimated', () => {
    const est = { source: '编者估计：按产能', asOf: '2025', confidence: 'low', estimate: true } as const;
    const ds = withCompanies([
      { ...base, id: 'flagged', revenueBand: '10-50', revenueEstimated: true, sources: { revenueBand: est } },
      { ...base, id: 'unflagged', revenueBand: '10-50', sources: { revenueBand: est } },
      { ...base, id: 'sourced', revenueBand: '10-50', sources: { revenueBand: { ...est, estimate: false, source: 'X 公司 2024 年报' } } },
    ]);
    const r = dataQualityReport(ds);
    expect(r.estimates.sizeEstimateUnflagged.filter((x) => x.file === 'companies.json').map((x) => x.id)).toEqual(['unflagged']);
    expect(renderDataQualityReport(r, 'zh')).toContain('unflagged');
  });

  it('the embedded data marks every estimated size on the record', () => {
    expect(dataQualityReport(liaocheng()).estimates.sizeEstimateUnflagged.filter((x) => x.file === 'enterprises.json')).toEqual([]);
  });

  it('counts companies without size, undated ties and unsupported records (known answer)', () => {
    const ds = withCompanies([
      { ...base, id: 'a' },
      { ...base, id: 'b', revenueBand: '10-50', ties: [{ type: 'same-group', text: 't', source: 'general knowledge' }] },
      { ...base, id: 'c', revenue: 12, revenueYear: 2024, sources: { revenue: { source: 'C 公司 2024 年报', asOf: '2025-04', confidence: 'high' } } },
    ]);
    const r = dataQualityReport(ds);
    expect(r.sizes.companiesWithoutSize).toEqual(['a']);
    expect(r.ties.total).toBe(1);
    expect(r.ties.undated.map((t) => t.company)).toEqual(['b']);
    expect(r.ties.unfollowable.map((t) => t.company)).toEqual(['b']);
    expect(r.recordsWithCheckableField.companies).toEqual({ n: 1, of: 3, share: 1 / 3 });
    expect(r.unsupportedRecords.filter((x) => x.file === 'companies.json').map((x) => x.id)).toEqual(['a', 'b']);
    expect(strictFindings(ds).records.filter((x) => x.file === 'companies.json').map((x) => x.id)).toEqual(['a', 'b']);
  });

  fcTest.prop([fc.array(fc.boolean(), { minLength: 1, maxLength: 20 })])('shares stay in [0, 1] and count what they say', (sized) => {
    const ds = withCompanies(sized.map((s, i) => ({ ...base, id: `c${i}`, ...(s ? { revenueBand: '1-10' as const } : {}) })));
    const r = dataQualityReport(ds);
    expect(r.sizes.companiesWithoutSize.length).toBe(sized.filter((s) => !s).length);
    for (const s of [r.recordsWithCheckableField.all, r.fields.all, r.recordsSupported]) {
      expect(s.share).toBeGreaterThanOrEqual(0);
      expect(s.share).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic and renders in both languages', () => {
    const a = dataQualityReport(liaocheng());
    const b = dataQualityReport(liaocheng());
    expect(a).toEqual(b);
    expect(renderDataQualityReport(a, 'zh')).toContain('# 数据质量报告');
    expect(renderDataQualityReport(a, 'en')).toContain('# Data-quality report');
  });

  // The issue 17 targets on the embedded data: 0 companies without size, 0 undated ties, ≥ 90% of companies
  // with a field checkable against a named public source.
  it('the embedded 聊城 data meets the issue 17 targets', () => {
    const r = dataQualityReport(liaocheng());
    expect(r.sizes.companiesWithoutSize).toEqual([]);
    expect(r.ties.undated).toEqual([]);
    expect(r.recordsWithCheckableField.companies.share).toBeGreaterThanOrEqual(0.9);
    // every estimated size says so: a per-field source marked estimate, or revenueEstimated on the record
    for (const c of liaocheng().companies) {
      if (c.sources?.['revenueBand']?.estimate === true) expect(c.revenueEstimated).toBe(true);
    }
  });

  it('every parent link names another company of the dataset, and a parent is not its own child', () => {
    const ids = new Set(liaocheng().companies.map((c) => c.id));
    const linked = liaocheng().companies.filter((c) => c.parent !== undefined);
    expect(linked.length).toBeGreaterThanOrEqual(20);
    for (const c of linked) {
      expect(ids.has(c.parent!)).toBe(true);
      expect(c.parent).not.toBe(c.id);
      expect(c.group).toBeDefined();
    }
  });
});
