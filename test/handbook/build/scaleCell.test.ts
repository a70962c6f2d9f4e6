// The targets list's 规模 cell says what the score used when no revenue is on record: an estimate with its kind, or
// "规模未知（待核实）", never an empty cell that an Excel filter cannot find.
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../src/dataset/parseDataset.js';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { goodInput } from '../../helpers/fixtures.js';
import { tinyGaps, tinyRanking } from '../fixtures.js';

const SIZE_FIELDS = ['revenue', 'revenueBand', 'revenueYear', 'revenueEstimated', 'lists', 'stockCode', 'employees', 'registeredCapital'];

function scaleCell(size: Record<string, unknown>, lang: 'zh' | 'en' = 'zh'): string {
  const input = goodInput();
  const companies = input.companies.map((c) =>
    c['id'] === 'profile-co' ? { ...Object.fromEntries(Object.entries(c).filter(([k]) => !SIZE_FIELDS.includes(k) && k !== 'sources')), ...size } : c,
  );
  const ds = parseDataset({ ...input, companies });
  const hb = buildHandbookFromResults(ds, { gaps: tinyGaps(), ranking: tinyRanking() }, { cardsPerIndustry: 3, lang });
  const card = hb.chapters.flatMap((c) => c.keyTargets).find((k) => k.id === 'profile-co');
  expect(card).toBeDefined();
  return card!.scale;
}

describe('the 规模 cell without revenue', () => {
  it('nothing about size on record: 规模未知（待核实）', () => {
    expect(scaleCell({})).toBe('规模未知（待核实）');
    expect(scaleCell({}, 'en')).toBe('size unknown (to verify)');
  });
  it('staff only: an estimate, marked as such (known answer: 400 × 150万元 = 6亿元)', () => {
    expect(scaleCell({ employees: 400 })).toBe('营收未披露，估计约 6亿元');
  });
  it('a list only: at least its entry threshold', () => {
    expect(scaleCell({ lists: ['china-500'] })).toBe('营收未披露，估计不低于 450亿元');
  });
  it('revenue on record: the revenue', () => {
    expect(scaleCell({ revenue: 12.5, revenueYear: 2024 })).toBe('营收12.5亿元（2024年）');
  });
});
