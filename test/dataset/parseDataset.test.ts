import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors.js';
import { parseDataset, safeParseDataset } from '../../src/dataset/parseDataset.js';
import { goodInput } from '../helpers/fixtures.js';

describe('parseDataset', () => {
  it('throws a DatasetError listing every problem', () => {
    const input = goodInput();
    input.links.push({ from: 'm-ore', to: 'nowhere', weight: 0.5 }, { from: 'x1', to: 'x1', weight: 2 });
    const error = (() => {
      try {
        parseDataset(input);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DatasetError);
    const issues = (error as DatasetError).issues;
    expect(issues.map((i) => [i.code, i.index, i.field])).toEqual([
      ['invalid-value', 5, 'weight'],
      ['unknown-segment', 4, 'to'],
    ]);
  });

  it('reports a relative benchmark naming an unknown segment (it would silently fall back otherwise)', () => {
    const input = goodInput();
    const seg = input.segments[0] as Record<string, unknown>;
    seg.benchmarkRelative = { segment: 'ghost', share: 0.3 };
    const r = safeParseDataset(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.file, i.index, i.field, i.value])).toEqual([['unknown-segment', 'segments.json', 0, 'benchmarkRelative.segment', 'ghost']]);
  });

  it('reads the optional outcomes.json: a bad status or an unknown segment is an issue; valid outcomes come back', () => {
    const bad = { ...goodInput(), outcomes: [{ company: 'x', city: '聊城市', status: 'bogus', date: '2023', source: 's' }, { company: 'y', city: '聊城市', status: '签约', date: '2023', source: 's', segments: ['ghost'] }] };
    const r = safeParseDataset(bad);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.file, i.index, i.field, i.code])).toEqual([['outcomes.json', 0, 'status', expect.any(String)], ['outcomes.json', 1, 'segments.0', 'unknown-segment']]);
    const good = safeParseDataset({ ...goodInput(), outcomes: [{ company: 'y', city: '聊城市', status: '签约', date: '2023-05', source: 's' }] });
    expect(good.success && good.data.outcomes).toEqual([{ company: 'y', city: '聊城市', status: '签约', date: '2023-05', source: 's', confidence: 'medium' }]);
    // Without the file, the key stays absent.
    const none = safeParseDataset(goodInput());
    expect(none.success && 'outcomes' in none.data).toBe(false);
  });

  it('accepts an HQ known only by its province when the places table has cities of that province; not an unknown one', () => {
    const input = goodInput();
    const province = (input.cities[0] as { province: string }).province;
    const companies = input.companies as Record<string, unknown>[];
    const co = { ...companies[0], hq: { province, city: province } };
    expect(safeParseDataset({ ...input, companies: [co, ...companies.slice(1)] }).success).toBe(true);
    const bad = safeParseDataset({ ...input, companies: [{ ...co, hq: { province: '无名省', city: '无名省' } }, ...companies.slice(1)] });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.code, i.field])).toEqual([['unknown-city', 'hq.city']]);
  });

  it('returns plain data equal to the input records', () => {
    const input = goodInput();
    const ds = parseDataset(input);
    expect(ds.segments.map((s) => s.id)).toEqual(input.segments.map((s) => s.id));
    expect(ds.companies).toHaveLength(3);
  });

  test.prop([fc.array(fc.anything(), { maxLength: 6 })], { numRuns: 60 })('random records in any file never crash the parser', (junk) => {
    for (const key of ['industries', 'segments', 'links', 'enterprises', 'companies', 'cities'] as const) {
      const input = { ...goodInput(), [key]: junk };
      const r = safeParseDataset(input);
      if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.prop([fc.anything()], { numRuns: 60 })('any value as the meta never crashes the parser', (meta) => {
    const r = safeParseDataset({ ...goodInput(), meta });
    expect(typeof r.success).toBe('boolean');
  });
});
