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
      [{ localTies: [{ type: 'customer-of-local', enterprise: 'xinfa', firm: '信发集团', text: '采购信发氧化铝', derived: false }], top500: ['china-500'] }, 'via-local-firm', 'approach.local-tie'],
      [{ nativeTies: [{ type: 'native-entrepreneur', text: '创始人为聊城人', person: '张某', derived: false }], top500: ['china-500'] }, 'native-ties', 'approach.native-tie'],
      [{ top500: ['fortune-global-500'], strongLink: link }, 'visit', 'approach.top-500'],
      [{ strongLink: link, listed: true }, 'via-local-firm', 'approach.strong-link'],
      [{ funding: { type: 'financing', date: '2025-03', text: 'B轮融资', source: 't' }, sameCityTargets: 4 }, 'capital', 'approach.funding'],
      [{ sameCityTargets: 3, listed: true }, 'small-delegation', 'approach.cluster'],
      // Being listed is no reason for 资本招商 by itself.
      [{ listed: true, stockCode: '600000.SH', regions: ['长三角'] }, 'resident-office', 'approach.priority-region'],
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
    expect(suggestApproach({ ...none, strongLink: link }).rule.zh).toContain('潜在关联');
    expect(APPROACH_RULES.some((r) => r.id === 'listed')).toBe(false);
  });

  it('以商招商 needs a named real local firm and a company-level or segment-specific relation', () => {
    const base = miniDataset();
    const cluster = { id: 'cluster', name: '某产业集群', segments: ['up'], county: '甲县', revenue: 500, chainLeader: true, firms: 40, source: 't', confidence: 'high' as const, asOf: '2026' };
    const tie = (type: string, enterprise?: string) => [{ type, ...(enterprise ? { enterprise } : {}), text: '关系', source: 't' }];
    const hq = { province: '远方省', city: '远方市' };
    const companies = [
      company('named', { segments: ['gap'], hq, ties: tie('supplier-of-local', 'ok-co') as never }),
      company('unnamed', { segments: ['gap'], hq, ties: tie('supplier-of-local') as never }),
      company('via-cluster', { segments: ['gap'], hq, ties: tie('customer-of-local', 'cluster') as never }),
      company('sister-related', { segments: ['gap'], hq, ties: tie('same-group', 'ok-co') as never }),
      company('sister-unrelated', { segments: ['elsewhere'], hq, ties: tie('same-group', 'ok-co') as never }),
    ];
    const ds = {
      ...base,
      industries: [...base.industries, { ...base.industries[0]!, id: 'other', name: '别的产业', nameEn: 'Other' }],
      segments: [...base.segments, { ...base.segments[0]!, id: 'elsewhere', industry: 'other', keywords: ['elsewhere'] }],
      enterprises: [...base.enterprises, cluster],
      companies,
    };
    const gaps = miniGaps(ds);
    const by = new Map(rankCompanies(ds, { gaps }).items.map((i) => [i.id, i.approach]));
    expect(by.get('named')!.rule.code).toBe('approach.local-tie');
    expect(by.get('named')!.rule.zh).toContain('健康公司');
    expect(by.get('unnamed')!.method).not.toBe('via-local-firm');
    expect(by.get('via-cluster')!.rule.code).not.toBe('approach.local-tie');
    expect(by.get('sister-related')!.rule.code).toBe('approach.local-tie');
    expect(by.get('sister-unrelated')!.method).not.toBe('via-local-firm');
  });

  it('a potential link carries 以商招商 only when it is specific: a sector-level IO proxy does not', () => {
    const base = miniDataset([company('c', { segments: ['gap'], hq: { province: '远方省', city: '远方市' } })]);
    const gaps = miniGaps(base);
    const strong = { ...base, links: base.links.map((l) => ({ ...l, weight: 0.9 })) };
    expect(rankCompanies(strong, { gaps }).items[0]!.approach.rule.code).toBe('approach.strong-link');
    const proxy = { ...base, links: base.links.map((l) => ({ ...l, weight: 0.9, basis: 'io-table' as const, ioCoefficient: 0.02 })) };
    expect(rankCompanies(proxy, { gaps }).items[0]!.approach.rule.code).not.toBe('approach.strong-link');
    // An IO-derived core input (coefficient ≥ 0.05) is specific.
    const core = { ...base, links: base.links.map((l) => ({ ...l, weight: 0.9, basis: 'io-table' as const, ioCoefficient: 0.3 })) };
    expect(rankCompanies(core, { gaps }).items[0]!.approach.rule.code).toBe('approach.strong-link');
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
