// Issue 17 "Done when": a reader can trace any number or label in a handbook card to a dated source. Each fact on a
// key target page is dated and sourced by the record's own source for that field when it has one, else by the
// record-level source and date.
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../src/dataset/parseDataset.js';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { goodInput } from '../../helpers/fixtures.js';
import { tinyGaps, tinyRanking } from '../fixtures.js';

const REPORT = { source: '上海型材股份有限公司 2024 年年度报告', asOf: '2025-04', confidence: 'high' } as const;
const LIST = { source: 'a_share_companies_merged.csv 600001.SH', asOf: '2025-06', confidence: 'high' } as const;

function cardOf(profile: Record<string, unknown>) {
  const input = goodInput();
  const companies = input.companies.map((c) => (c['id'] === 'profile-co' ? { ...c, ...profile } : c));
  const ds = parseDataset({ ...input, companies });
  const hb = buildHandbookFromResults(ds, { gaps: tinyGaps(), ranking: tinyRanking() }, { cardsPerIndustry: 3 });
  const card = hb.chapters.flatMap((c) => c.keyTargets).find((k) => k.id === 'profile-co');
  expect(card).toBeDefined();
  return card!;
}

describe('key target facts are traced to dated sources', () => {
  it('a field with its own source is dated and sourced by it (known answers)', () => {
    const card = cardOf({
      revenueBand: '50-100',
      revenueYear: 2024,
      stockCode: '600001.SH',
      ownership: 'mixed',
      sources: { revenueBand: REPORT, 'lists.listed': LIST, stockCode: LIST, ownership: { ...REPORT, source: '关于无实际控制人的公告', asOf: '2022-07' } },
    });
    const by = (prefix: string) => card.facts.find((f) => f.text.startsWith(prefix));
    expect(by('营收')).toEqual({ text: '营收50–100亿元', date: '2024', source: REPORT.source });
    expect(by('上市公司')).toEqual({ text: '上市公司 600001.SH', date: '2025-06', source: LIST.source });
    expect(by('所有制')).toEqual({ text: '所有制：混合所有制（无实际控制人或国有民营混合）', date: '2022-07', source: '关于无实际控制人的公告' });
    // No own source for the HQ: no line of its own (the record's source at the foot of the card covers it).
    expect(by('总部')).toBeUndefined();
    expect(card.recordSource).toBe('test fixture');
  });

  it('facts with the same date and source share one line', () => {
    const card = cardOf({ revenueBand: '50-100', revenueYear: 2025, sources: { revenueBand: LIST, hq: LIST, 'lists.listed': LIST } });
    const same = card.facts.filter((f) => f.source === LIST.source);
    // The size is dated by its year (2025), the HQ and the listing by the source's 2025-06: two lines, not three.
    expect(same).toEqual([
      { text: '营收50–100亿元', date: '2025', source: LIST.source },
      { text: '总部：上海市｜上市公司', date: '2025-06', source: LIST.source },
    ]);
  });

  it('an estimated size says so in the fact', () => {
    const card = cardOf({ revenueBand: '10-50', revenueYear: 2023, sources: { revenueBand: { ...REPORT, source: '编者估计：按产能', estimate: true } } });
    expect(card.facts.find((f) => f.text.startsWith('营收'))).toEqual({ text: '营收10–50亿元（估计）', date: '2023', source: '编者估计：按产能' });
  });

  it('every fact of every card has a date and a source', () => {
    const card = cardOf({});
    expect(card.facts.length).toBeGreaterThan(0);
    for (const f of card.facts) {
      expect(f.date).not.toBe('');
      expect(f.source).not.toBe('');
    }
  });
});
