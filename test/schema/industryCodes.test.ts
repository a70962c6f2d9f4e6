import { describe, expect, it } from 'vitest';
import { GbIndustryCode, Industry, Segment } from '../../src/schema/index.js';

const segment = {
  id: 'al-sheet',
  name: '铝板带箔',
  nameEn: 'Aluminium sheet and foil',
  industry: 'nonferrous',
  stage: 'midstream',
  keywords: ['铝板带箔'],
} as const;
const industry = { id: 'nonferrous', name: '有色金属', nameEn: 'Non-ferrous metals', subDirections: [] } as const;

describe('GB/T 4754-2017 industry codes on segments and industries', () => {
  it('accepts 2-, 3- and 4-digit codes', () => {
    for (const c of ['32', '325', '3252', '01', '0916']) expect(GbIndustryCode.safeParse(c).success).toBe(true);
  });

  it('rejects section letters, 1 or 5+ digits, 企查查-style prefixes and non-strings', () => {
    for (const c of ['C', 'C3252', '3', '32521', '3252 铝压延加工', ' 3252', '', 3252]) {
      expect(GbIndustryCode.safeParse(c).success).toBe(false);
    }
  });

  it('are optional on a segment, and kept when given', () => {
    expect(Segment.parse(segment).industryCodes).toBeUndefined();
    const s = Segment.parse({ ...segment, industryCodes: ['3252'], excludeCodes: ['3252'] });
    expect(s.industryCodes).toEqual(['3252']);
    expect(s.excludeCodes).toEqual(['3252']);
  });

  it('name the failing code on a segment', () => {
    const r = Segment.safeParse({ ...segment, industryCodes: ['3252', 'C3252'] });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['industryCodes.1']);
    const e = Segment.safeParse({ ...segment, industryCodes: ['358'], excludeCodes: ['35871'] });
    expect(e.success ? [] : e.error.issues.map((i) => i.path.join('.'))).toEqual(['excludeCodes.0']);
  });

  it('reject an empty list (leave the field out instead)', () => {
    expect(Segment.safeParse({ ...segment, industryCodes: [] }).success).toBe(false);
    expect(Industry.safeParse({ ...industry, excludeCodes: [] }).success).toBe(false);
  });

  it('are optional on an industry, and kept when given', () => {
    expect(Industry.parse(industry).industryCodes).toBeUndefined();
    const i = Industry.parse({ ...industry, industryCodes: ['09', '32'], excludeCodes: ['322'] });
    expect(i.industryCodes).toEqual(['09', '32']);
    expect(i.excludeCodes).toEqual(['322']);
  });
});
