import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../../src/dataset/parseDataset.js';
import { Company, Tie } from '../../src/schema/company.js';
import { FieldSource, FieldSources } from '../../src/schema/provenance.js';
import { goodInput } from '../helpers/fixtures.js';

const company = {
  id: 'acme',
  name: '某某集团有限公司',
  hq: { province: '山东省', city: '济南市' },
  ownership: 'private',
  source: 'general knowledge',
  confidence: 'low',
  asOf: '2025',
};

describe('per-field sources (issue 17)', () => {
  it('accepts a field source with date and confidence, and refuses one without', () => {
    expect(FieldSource.safeParse({ source: 'a_share_companies_merged.csv 000830.SZ', asOf: '2025-06', confidence: 'high' }).success).toBe(true);
    expect(FieldSource.safeParse({ source: 'x', confidence: 'high' }).success).toBe(false);
    expect(FieldSource.safeParse({ source: 'x', asOf: '2025-13', confidence: 'high' }).success).toBe(false);
    expect(FieldSources.safeParse({ '': { source: 'x', asOf: '2025', confidence: 'low' } }).success).toBe(false);
  });

  it('a company may carry sources, parent and group; without them it is still valid (additive)', () => {
    expect(Company.safeParse(company).success).toBe(true);
    const r = Company.safeParse({ ...company, parent: 'big-group', group: '某集团', sources: { revenueBand: { source: '编者估计', asOf: '2026-12', confidence: 'low', estimate: true } } });
    expect(r.success).toBe(true);
    expect(Company.safeParse({ ...company, parent: 'Not An Id' }).success).toBe(false);
  });

  it('a tie may say how sure it is', () => {
    expect(Tie.safeParse({ type: 'same-group', text: 't', source: 's', since: '2023', confidence: 'low' }).success).toBe(true);
    expect(Tie.safeParse({ type: 'same-group', text: 't', source: 's', confidence: 'sure' }).success).toBe(false);
  });

  it('a parent that names no company of the dataset is an unknown-company issue', () => {
    const input = goodInput() as unknown as { companies: Record<string, unknown>[] };
    expect(input.companies.length).toBeGreaterThan(0);
    input.companies[0]!['parent'] = 'ghost-group';
    const r = safeParseDataset(input as never);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.file, i.field])).toContainEqual(['unknown-company', 'companies.json', 'parent']);
  });
});
