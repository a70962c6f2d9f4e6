import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { createKeywordTagger } from '../../src/match/createKeywordTagger.js';
import { tagSegments } from '../../src/match/tagSegments.js';
import type { Industry } from '../../src/schema/industry.js';
import type { Segment } from '../../src/schema/segment.js';

const seg = (id: string, industry: string, keywords: string[]): Segment => ({ id, name: keywords[0]!, nameEn: id, industry, stage: 'midstream', keywords });
const SEGMENTS: Segment[] = [
  seg('al-extrusion', 'metal', ['铝型材', '工业铝型材', 'aluminium extrusion']),
  seg('al-sheet', 'metal', ['铝板', '铝箔']),
  seg('cell', 'energy', ['锂电池', '动力电池', 'battery cell']),
  seg('separator', 'energy', ['隔膜', '锂电隔膜']),
  seg('tyres', 'auto', ['轮胎', '子午线轮胎']),
  seg('parts', 'auto', ['汽车内饰', '汽车座椅']),
];
const INDUSTRIES: Industry[] = [
  { id: 'metal', name: '有色金属', nameEn: 'Metals', subDirections: [] },
  { id: 'energy', name: '新能源', nameEn: 'Energy', subDirections: [] },
  { id: 'auto', name: '汽车及零部件', nameEn: 'Auto', subDirections: [] },
];
const DS = { segments: SEGMENTS, industries: INDUSTRIES };

describe('createKeywordTagger / tagSegments', () => {
  it('rejects bad options with OPTIONS_INVALID', () => {
    expect(() => createKeywordTagger(DS, { confirmAt: 2 })).toThrow(UsageError);
  });

  it('confirms a segment named as a product, with the evidence of where the word was found', () => {
    // products weight 1 → raw 1 → score 1 − e^−1 = 0.6321 ≥ 0.55: confirmed.
    const [top] = tagSegments({ name: '某某科技有限公司', products: ['工业铝型材'] }, DS);
    expect(top).toEqual({ segment: 'al-extrusion', industry: 'metal', score: 0.6321, status: 'confirmed', evidence: [{ field: 'products', keyword: '工业铝型材', text: '工业铝型材' }] });
  });

  it('weighs products over the name: a lone name word stays uncertain', () => {
    // name weight 0.5 → score 1 − e^−0.5 = 0.3935: uncertain (≥ 0.3, < 0.55).
    const [top] = tagSegments({ name: '聊城轮胎有限公司' }, DS);
    expect(top).toMatchObject({ segment: 'tyres', score: 0.3935, status: 'uncertain' });
    expect(top?.evidence[0]?.field).toBe('name');
  });

  it('counts trade-only scope clauses less than manufacturing ones', () => {
    const made = tagSegments({ name: 'x', businessScope: '铝板的生产' }, DS)[0]!;
    const sold = tagSegments({ name: 'x', businessScope: '铝板的销售' }, DS)[0]!;
    // 0.8 × 1 vs 0.8 × 0.35 → 0.5507 vs 0.2442: the lead making clause confirms by one keyword, the trade clause does not.
    expect(made.score).toBe(0.5507);
    expect(made.status).toBe('confirmed');
    expect(sold.score).toBe(0.2442);
    expect(sold.status).toBe('rejected');
  });

  it('treats a keyword that only modifies the next word as weak (锂电池隔膜 is a separator)', () => {
    const c = tagSegments({ name: 'x', products: ['锂电池隔膜'] }, DS);
    expect(c[0]).toMatchObject({ segment: 'separator', status: 'confirmed' });
    expect(c.find((x) => x.segment === 'cell')?.status).toBe('rejected');
  });

  it('matches traditional characters, full-width text and English whole words', () => {
    expect(tagSegments({ name: 'x', products: ['動力電池'] }, DS)[0]?.segment).toBe('cell');
    expect(tagSegments({ name: 'x', products: ['Aluminium Extrusions'] }, DS)[0]?.segment).toBe('al-extrusion');
    expect(tagSegments({ name: 'x', products: ['battery cellular'] }, DS)).toEqual([]);
  });

  it('returns nothing for a company with no keyword, and sorts by score then id', () => {
    expect(tagSegments({ name: '某某咨询有限公司', businessScope: '企业管理咨询' }, DS)).toEqual([]);
    const c = tagSegments({ name: 'x', products: ['铝板', '铝型材'] }, DS);
    for (let i = 1; i < c.length; i++) expect(c[i - 1]!.score >= c[i]!.score).toBe(true);
  });

  it('gives industry candidates from segments and from industry-level hints', () => {
    const t = createKeywordTagger(DS);
    // 汽车配件 is no keyword, but 汽车 is used only by the auto vocabulary: a hint of 0.5 → 0.3935, uncertain.
    const r = t.classify({ name: '某某有限公司', industryCode: '汽车配件' });
    expect(r.segments).toEqual([]);
    expect(r.industries[0]).toMatchObject({ industry: 'auto', score: 0.3935, status: 'uncertain', evidence: [{ field: 'industryCode', keyword: '汽车' }] });
    const s = t.classify({ name: 'x', products: ['铝型材'] });
    expect(s.industries[0]).toMatchObject({ industry: 'metal', status: 'confirmed' });
    expect(t.keywordCount).toBeGreaterThan(10);
  });
});
