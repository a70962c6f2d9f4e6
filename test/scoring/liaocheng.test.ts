// The ranking on the embedded 聊城 data. The snapshot (__snapshots__/liaocheng-top20.md) holds the top 20 per
// industry with scores, 招商方式 and reasons; it was reviewed by reading it as a 聊城 analyst would. When the data or
// the gap analysis changes on purpose, review the diff and update it with `npx vitest run test/scoring -u`.
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { topTargetsByIndustry } from '../../src/scoring/topTargetsByIndustry.js';
import { FEATURE_NAMES } from '../../src/scoring/types.js';

const ds = liaocheng();
const gaps = analyzeGaps(ds);
const byIndustry = topTargetsByIndustry(ds, 20, { gaps });

describe('ranking the embedded 聊城 data', () => {
  it('every industry has at least 10 ranked companies', () => {
    expect(byIndustry).toHaveLength(ds.industries.length);
    for (const t of byIndustry) {
      expect(t.ranking.candidates, t.industry).toBeGreaterThanOrEqual(10);
      expect(t.ranking.items.length, t.industry).toBeGreaterThanOrEqual(10);
    }
  });

  it('English place reasons and approach reasons name places in English (pinyin where the data has no nameEn)', () => {
    const HAN = /[\u4e00-\u9fff]/;
    const placeTexts = byIndustry.flatMap((t) => t.ranking.items).flatMap((i) => [
      ...i.reasons.filter((r) => r.code === 'proximity.region').map((r) => r.en),
      ...(i.approach.rule.code === 'approach.cluster' ? [i.approach.rule.en] : []),
    ]);
    expect(placeTexts.length).toBeGreaterThan(20);
    expect(placeTexts.filter((t) => HAN.test(t))).toEqual([]);
  });

  it('courts 中国中化 (parent of 鲁西化工) through 以商招商, and the parent tie is among its reasons', () => {
    const chem = byIndustry.find((t) => t.industry === 'chemicals')!.ranking;
    const sinochem = chem.items.find((i) => i.id === 'sinochem-holdings')!;
    expect(sinochem.rank).toBeLessThanOrEqual(3);
    expect(sinochem.approach.method).toBe('via-local-firm');
    expect(sinochem.reasons.some((r) => r.code === 'ties.parent-of-local' && r.zh.includes('鲁西'))).toBe(true);
  });

  it('the whole-city top 20 has scores in [0, 1], reasons and an approach for every item', () => {
    const r = rankCompanies(ds, { gaps, top: 20 });
    expect(r.items).toHaveLength(20);
    for (const i of r.items) {
      expect(i.score).toBeGreaterThan(0);
      expect(i.score).toBeLessThanOrEqual(1);
      expect(i.reasons.length).toBeGreaterThan(0);
      expect(i.approach.rule.zh.length).toBeGreaterThan(0);
    }
  });

  it('the top 20 per industry, with reasons, match the reviewed snapshot', async () => {
    const lines: string[] = [`# Top 20 target companies per industry — ${ds.meta.name} (asOf ${ds.meta.asOf}, balanced weights, weighted sum)`, ''];
    for (const t of byIndustry) {
      lines.push(`## ${t.name} ${t.nameEn} (${t.industry}): ${t.ranking.candidates} candidates`, '');
      for (const i of t.ranking.items) {
        const top = FEATURE_NAMES.filter((f) => i.contributions[f] !== 0).map((f) => `${f} ${i.contributions[f].toFixed(3)}`).join(', ');
        lines.push(`${i.rank}. **${i.name}** (${i.id}) ${i.score.toFixed(3)} — ${i.approach.zh}: ${i.approach.rule.zh}`);
        lines.push(`   - ${top}`);
        for (const r of i.reasons) lines.push(`   - ${r.zh}`);
      }
      lines.push('');
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/liaocheng-top20.md');
  });
});
