import { describe, expect, it } from 'vitest';
import { Outcome, OutcomesFile } from '../../src/index.js';
import { ReconstructionSpec } from '../../src/backtest/reconstructionSpec.js';
import { readFileSync } from 'node:fs';

const ok = { company: '哈尔滨轴承集团有限公司', companyId: 'harbin-bearing', city: '聊城市', status: '签约', date: '2023', source: 'lcrb content_43603' };

describe('Outcome schema', () => {
  it('accepts a sourced outcome and defaults confidence to medium', () => {
    expect(Outcome.parse(ok).confidence).toBe('medium');
  });

  it('refuses an unknown status, a bad date, a missing source and a bad company id', () => {
    const paths = (v: unknown): string[] => {
      const r = Outcome.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ ...ok, status: 'landed' })).toEqual(['status']);
    expect(paths({ ...ok, date: '2023/05' })).toEqual(['date']);
    expect(paths({ ...ok, source: '  ' })).toEqual(['source']);
    const { source: _s, ...noSource } = ok;
    expect(paths(noSource)).toEqual(['source']);
    expect(paths({ ...ok, companyId: 'Harbin Bearing' })).toEqual(['companyId']);
  });

  it('reports the index of the bad record in an outcomes file', () => {
    const r = OutcomesFile.safeParse([ok, { ...ok, status: '落地' }]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([1, 'status']);
  });

  it('the shipped eval/backtest files parse', () => {
    const outcomes = OutcomesFile.parse(JSON.parse(readFileSync('eval/backtest/outcomes.json', 'utf8')));
    expect(outcomes.length).toBeGreaterThanOrEqual(10);
    expect(outcomes.every((o) => o.source.length > 0)).toBe(true);
    const spec = ReconstructionSpec.parse(JSON.parse(readFileSync('eval/backtest/reconstruction.json', 'utf8')));
    expect(spec['harbin-bearing']?.group).toEqual(['jianlong-group']);
  });

  it('a reconstruction entry with an unknown field is refused with its key in the path', () => {
    const r = ReconstructionSpec.safeParse({ x: { keys: ['甲'], when: '2023' } });
    expect(r.success).toBe(false);
  });
});
