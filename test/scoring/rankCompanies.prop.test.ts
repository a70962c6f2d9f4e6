import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { combineFeatures } from '../../src/scoring/weightedSum.js';
import { normalizeWeights } from '../../src/scoring/normalizeWeights.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { selectTop } from '../../src/scoring/selectTop.js';
import { findDuplicateId } from '../../src/scoring/findDuplicateId.js';
import { idHash } from '../../src/scoring/idHash.js';
import { FEATURE_NAMES, POSITIVE_FEATURES, type FeatureName } from '../../src/scoring/types.js';
import { companies } from './arbitraries.js';
import { miniDataset, miniGaps } from './helpers.js';

const ds = miniDataset();
const gaps = miniGaps(ds);
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const method = fc.constantFrom('weighted' as const, 'topsis' as const);
const weights = fc.constantFrom('balanced', 'fill-first', 'strengthen-first', 'build-first', 'entropy');
const features = fc.tuple(...FEATURE_NAMES.map(() => unit)).map((xs) => Object.fromEntries(FEATURE_NAMES.map((f, i) => [f, xs[i]!])) as Record<FeatureName, number>);
const rawWeights = fc
  .tuple(...POSITIVE_FEATURES.map(() => fc.double({ min: 0, max: 10, noNaN: true })), unit)
  .filter((xs) => xs.slice(0, 7).some((x) => x > 1e-3))
  .map((xs) => normalizeWeights({ ...Object.fromEntries(POSITIVE_FEATURES.map((f, i) => [f, xs[i]!])), risk: xs[7]! }));

describe('rankCompanies properties', () => {
  test.prop([companies, method, weights])('every score is in [0, 1]', (cs, m, w) => {
    for (const item of rankCompanies(ds, { gaps, companies: cs, method: m, weights: w }).items) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
    }
  });

  test.prop([companies, method])('without includeUnrelated, items are the candidates of relevance > 0 and the rest are counted apart', (cs, m) => {
    const all = rankCompanies(ds, { gaps, companies: cs, method: m, includeUnrelated: true });
    const r = rankCompanies(ds, { gaps, companies: cs, method: m });
    expect(r.items.map((i) => i.id).sort()).toEqual(all.items.filter((i) => i.relevance > 0).map((i) => i.id).sort());
    expect(r.excluded!.unrelated).toBe(all.items.filter((i) => i.relevance === 0).length);
    for (const i of all.items) if (i.relevance === 0) expect(i.score).toBe(0);
  });

  test.prop([companies, method])('the ranking is a permutation of the candidates, ranked 1..n by score desc then id', (cs, m) => {
    const r = rankCompanies(ds, { gaps, companies: cs, method: m, includeUnrelated: true });
    expect(r.items.map((i) => i.id).sort()).toEqual(cs.map((c) => c.id).sort());
    expect(r.items.map((i) => i.rank)).toEqual(cs.map((_, k) => k + 1));
    for (let k = 1; k < r.items.length; k++) {
      const [a, b] = [r.items[k - 1]!, r.items[k]!];
      expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
    }
  });

  test.prop([companies, method, weights, fc.boolean(), fc.nat()])('input order never changes the output', (cs, m, w, stability, seed) => {
    const shuffled = [...cs].sort((a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7) || (a.id < b.id ? 1 : -1));
    const options = { gaps, method: m, weights: w, stability: stability ? { runs: 20 } : false };
    expect(rankCompanies(ds, { ...options, companies: shuffled })).toEqual(rankCompanies(ds, { ...options, companies: cs }));
  });

  test.prop([companies, weights])('with the weighted sum, the contributions add up to the score exactly', (cs, w) => {
    for (const item of rankCompanies(ds, { gaps, companies: cs, weights: w }).items) {
      let sum = 0;
      for (const f of FEATURE_NAMES) sum += item.contributions[f];
      expect(sum).toBe(item.score);
      expect(item.contributions.risk).toBeLessThanOrEqual(0);
    }
  });

  test.prop([companies, fc.integer({ min: 1, max: 12 })])('top N returns the first N items of the full ranking', (cs, n) => {
    const full = rankCompanies(ds, { gaps, companies: cs });
    const top = rankCompanies(ds, { gaps, companies: cs, top: n });
    expect(top.items.map((i) => i.id)).toEqual(full.items.slice(0, n).map((i) => i.id));
  });
});

describe('weighted-sum monotonicity', () => {
  test.prop([features, rawWeights, fc.constantFrom(...POSITIVE_FEATURES), unit])(
    'raising any positive feature never lowers a score under non-negative weights; the score stays in [0, 1]',
    (x, w, f, bump) => {
      const before = combineFeatures(x, 1, w).score;
      const after = combineFeatures({ ...x, [f]: x[f] + (1 - x[f]) * bump }, 1, w).score;
      expect(after).toBeGreaterThanOrEqual(before);
      expect(before).toBeGreaterThanOrEqual(0);
      expect(before).toBeLessThanOrEqual(1);
    },
  );

  test.prop([features, rawWeights, unit, unit])('the score scales with relevance: 0 gives 0, and a higher relevance never lowers it', (x, w, g, h) => {
    expect(combineFeatures(x, 0, w).score).toBe(0);
    const [lo, hi] = g <= h ? [g, h] : [h, g];
    expect(combineFeatures(x, hi, w).score).toBeGreaterThanOrEqual(combineFeatures(x, lo, w).score);
    const { score, contributions } = combineFeatures(x, g, w);
    expect(Object.values(contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(score, 12);
  });

  test.prop([features, rawWeights, unit])('raising risk never raises a score', (x, w, bump) => {
    expect(combineFeatures({ ...x, risk: x.risk + (1 - x.risk) * bump }, 1, w).score).toBeLessThanOrEqual(combineFeatures(x, 1, w).score);
  });
});

describe('selectTop', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), fc.nat({ max: 220 })])('equals the first k of a full sort by score desc then id asc', (raw, k) => {
    const scores = Float64Array.from(raw, (v) => v / 5);
    const ids = raw.map((_, i) => `id${String(i).padStart(3, '0')}`);
    const full = Array.from({ length: raw.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || (ids[a]! < ids[b]! ? -1 : 1));
    expect(Array.from(selectTop(scores, ids, k))).toEqual(full.slice(0, k));
  });
});

describe('findDuplicateId', () => {
  test.prop([fc.array(fc.string({ maxLength: 4 }), { maxLength: 300 })])('finds a duplicate exactly when a Set would', (ids) => {
    const dup = findDuplicateId(ids);
    if (new Set(ids).size === ids.length) expect(dup).toBeUndefined();
    else expect(ids.filter((x) => x === dup).length).toBeGreaterThanOrEqual(2);
  });

  test.prop([fc.array(fc.string({ maxLength: 4 }), { maxLength: 300 })])('gives the same answer with precomputed hashes', (ids) => {
    expect(findDuplicateId(ids, Int32Array.from(ids, idHash))).toBe(findDuplicateId(ids));
  });
});

describe('rankCompanies items', () => {
  test.prop([companies, weights, fc.integer({ min: 1, max: 12 })])(
    'carry the same features and contributions whether few or most candidates are shown',
    (cs, w, top) => {
      // Few shown: features from a matrix of the shown companies; all shown: from the full matrix.
      const all = rankCompanies(ds, { gaps, companies: cs, weights: w });
      const few = rankCompanies(ds, { gaps, companies: cs, weights: w, top: Math.max(1, Math.min(top, Math.floor((cs.length - 1) / 2))) });
      expect(few.items).toEqual(all.items.slice(0, few.items.length));
    },
  );
});
