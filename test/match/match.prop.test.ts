import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createKeywordTagger } from '../../src/match/createKeywordTagger.js';
import { createNameIndex } from '../../src/match/createNameIndex.js';
import { dedupe } from '../../src/match/dedupe.js';
import { normalizeCompanyName } from '../../src/match/normalizeCompanyName.js';
import { Company } from '../../src/schema/company.js';
import type { Segment } from '../../src/schema/segment.js';

// Characters that never form a legal form, a place or a generic word on their own.
const CORE = [...'鑫瑞恒泰华宏旭博锐晟昊琪翔鹏澜溪岚嵘烁炜'];
const coreName = fc.array(fc.constantFrom(...CORE), { minLength: 2, maxLength: 6 }).map((cs) => cs.join(''));
const LEGAL = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '(集团)股份有限公司', '（中国）有限公司', '集团'];

const SEGMENTS: Segment[] = [
  { id: 'a', name: '铝型材', nameEn: 'Profiles', industry: 'm', stage: 'midstream', keywords: ['铝型材', '铝板', 'profile'] },
  { id: 'b', name: '锂电池', nameEn: 'Cells', industry: 'e', stage: 'midstream', keywords: ['锂电池', '储能系统', '铝板'] },
];
const words = fc.constantFrom('铝型材', '铝板', '锂电池', '储能系统', '销售', '生产', '、', '；', 'profile', '咨询', '轮胎');
const text = fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join(''));

const company = (id: string, name: string, city: string): Company => ({ id, name, hq: { province: '山东省', city }, ownership: 'private', source: id, confidence: 'low', asOf: '2026' });

describe('name matching and tagging properties', () => {
  test.prop([coreName, fc.constantFrom(...LEGAL), fc.constantFrom(...LEGAL), fc.constantFrom('', '山东', '山东省', '聊城市')])(
    'one firm under any legal form and leading place has one key',
    (core, a, b, place) => {
      expect(normalizeCompanyName(`${place}${core}${a}`, { places: ['聊城市'] })).toBe(normalizeCompanyName(`${core}${b}`));
    },
  );

  test.prop([fc.record({ name: text, products: fc.array(text, { maxLength: 4 }), businessScope: text, industryCode: text })])(
    'tag scores lie in [0, 1], sorted best first, with evidence for every candidate',
    (c) => {
      const r = createKeywordTagger({ segments: SEGMENTS }).classify(c);
      for (const list of [r.segments, r.industries]) {
        for (const x of list) {
          expect(x.score >= 0 && x.score <= 1).toBe(true);
          expect(['confirmed', 'uncertain', 'rejected']).toContain(x.status);
          expect(x.evidence.length).toBeGreaterThan(0);
        }
        for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score >= list[i]!.score).toBe(true);
      }
    },
  );

  test.prop([fc.array(fc.tuple(coreName, fc.constantFrom(...LEGAL), fc.constantFrom('聊城市', '济南市')), { maxLength: 25 })])(
    'dedupe accounts for every company: survivors plus merges, merged into survivors, and never across cities',
    (rows) => {
      const list = rows.map(([core, legal, city], i) => company(`c${i}`, `${core}${legal}`, city));
      const r = dedupe(list);
      expect(r.companies.length + r.merges.length).toBe(list.length);
      const ids = new Set(r.companies.map((c) => c.id));
      for (const m of r.merges) {
        expect(ids.has(m.into)).toBe(true);
        expect(list[m.index]!.hq.city).toBe(list[m.intoIndex!]!.hq.city);
      }
      for (const c of r.companies) expect(Company.safeParse(c).success).toBe(true);
      expect(dedupe(list)).toEqual(r);
    },
  );

  test.prop([fc.uniqueArray(coreName, { minLength: 1, maxLength: 30 })])('every indexed name finds itself with score 1', (names) => {
    const records = names.map((n, i) => ({ id: `r${i}`, name: `${n}有限公司` }));
    const idx = createNameIndex(records, { pinyin: false });
    records.forEach((r, i) => {
      expect(idx.search(r.name).find((m) => m.index === i)?.score).toBe(1);
    });
  });
});
