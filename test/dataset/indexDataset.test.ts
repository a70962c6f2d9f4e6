import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { goodInput } from '../helpers/fixtures.js';

describe('indexDataset', () => {
  it('finds every company by id through the lazily built companyById, the same map on every read', () => {
    const ds = parseDataset(goodInput());
    const idx = indexDataset(ds);
    const first = idx.companyById;
    expect(first.size).toBe(ds.companies.length);
    for (const c of ds.companies) expect(first.get(c.id)).toBe(c);
    expect(idx.companyById).toBe(first);
    expect({ ...idx }.companyById).toBe(first);
  });
});
