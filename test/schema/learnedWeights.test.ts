import { describe, expect, it } from 'vitest';
import { LearnedWeightsFile } from '../../src/schema/index.js';

const good = {
  weights: { gapFit: 0.337078, synergy: 0.470478, policy: 0.192445, risk: 0.031949 },
  fittedOn: { landed: 13, negatives: 310, cities: ['聊城市'], datasets: ['liaocheng'] },
  lambda: 1,
  cvAuc: 0.666,
  date: '2026-12-04',
  command: 'npm run backtest -- --dev-only --write-learned data/liaocheng/learned-weights.json',
  note: '只依据 13 个落地',
};

describe('LearnedWeightsFile (learned-weights.json)', () => {
  it('parses a fitted file with its provenance; part defaults to dev and confidence to low', () => {
    expect(LearnedWeightsFile.parse(good)).toEqual({ ...good, fittedOn: { ...good.fittedOn, part: 'dev' }, confidence: 'low' });
  });

  it.each([
    ['a negative weight', { ...good, weights: { gapFit: -1, synergy: 1 } }, 'weights.gapFit'],
    ['a risk weight above 1', { ...good, weights: { gapFit: 1, risk: 2 } }, 'weights.risk'],
    ['no positive feature above 0', { ...good, weights: { gapFit: 0, risk: 0.5 } }, 'weights'],
    ['an unknown feature', { ...good, weights: { gapFit: 1, luck: 1 } }, 'weights'],
    ['no landed outcome', { ...good, fittedOn: { ...good.fittedOn, landed: 0 } }, 'fittedOn.landed'],
    ['an AUC above 1', { ...good, cvAuc: 1.2 }, 'cvAuc'],
    ['no note', { ...good, note: ' ' }, 'note'],
    ['the plain-weights shape of before', good.weights, 'fittedOn'],
  ])('rejects %s', (_, value, path) => {
    const r = LearnedWeightsFile.safeParse(value);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
