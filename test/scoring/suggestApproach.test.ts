import { describe, expect, it } from 'vitest';
import type { ApproachFacts } from '../../src/scoring/approachFacts.js';
import { APPROACH_RULES, suggestApproach } from '../../src/scoring/suggestApproach.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { company, miniDataset, miniGaps } from './helpers.js';

const none: ApproachFacts = { localTies: [], nativeTies: [], top500: [], listed: false, hqCity: '远方市', sameCityTargets: 1, regions: [], placeKnown: true, foreign: false };
const link = { direction: 'supplies' as const, neighbour: 'up', weight: 0.9, presence: 1, firms: ['上游集团'], anchors: ['上游集团'], segment: 'x' };

describe('suggestApproach', () => {
  it('falls back to 数字招商 when nothing applies, and every rule has a distinct id', () => {
    expect(suggestApproach(none)).toMatchObject({ method: 'digital', zh: '数字招商', rule: { code: 'approach.default' } });
    expect(new Set(APPROACH_RULES.map((r) => r.id)).size).toBe(APPROACH_RULES.length);
  });

  it('applies the rules in order, each quoting its data', () => {
    const cases: [Partial<ApproachFacts>, string, string][] = [
      [{ localTies: [{ type: 'customer-of-local', text: '采购信发氧化铝', derived: false }], top500: ['china-500'] }, 'via-local-firm', 'approach.local-tie'],
      [{ nativeTies: [{ type: 'native-entrepreneur', text: '创始人为聊城人', derived: false }], top500: ['china-500'] }, 'native-ties', 'approach.native-tie'],
      [{ top500: ['fortune-global-500'], strongLink: link }, 'visit', 'approach.top-500'],
      [{ strongLink: link, listed: true }, 'via-local-firm', 'approach.strong-link'],
      [{ funding: { type: 'financing', date: '2025-03', text: 'B轮融资', source: 't' }, sameCityTargets: 4 }, 'capital', 'approach.funding'],
      [{ sameCityTargets: 3, listed: true }, 'small-delegation', 'approach.cluster'],
      [{ listed: true, stockCode: '600000.SH', regions: ['长三角'] }, 'capital', 'approach.listed'],
      [{ regions: ['长三角'] }, 'resident-office', 'approach.priority-region'],
      [{ foreign: true }, 'agent', 'approach.far-or-unknown'],
      [{ placeKnown: false }, 'agent', 'approach.far-or-unknown'],
    ];
    for (const [facts, method, code] of cases) {
      const a = suggestApproach({ ...none, ...facts });
      expect([a.method, a.rule.code]).toEqual([method, code]);
      expect(a.rule.zh).toContain(`→ ${a.zh}`);
    }
    expect(suggestApproach({ ...none, strongLink: link }).rule.zh).toContain('上游集团');
  });

  it('in a ranking: a native entrepreneur gets 乡贤招商; three leading targets in one city get 小团组招商', () => {
    const native = company('native', { segments: ['gap'], hq: { province: '远方省', city: '远方市' }, ties: [{ type: 'native-entrepreneur', text: '创始人为测试市人', source: 't' }] });
    const trio = ['t1', 't2', 't3'].map((id) => company(id, { segments: ['ok'], hq: { province: '远方省', city: '远方市' } }));
    const ds = miniDataset([native, ...trio]);
    const r = rankCompanies(ds, { gaps: miniGaps(ds) });
    const by = new Map(r.items.map((i) => [i.id, i.approach.method]));
    expect(by.get('native')).toBe('native-ties');
    expect(['t1', 't2', 't3'].map((id) => by.get(id))).toEqual(['small-delegation', 'small-delegation', 'small-delegation']);
  });
});
