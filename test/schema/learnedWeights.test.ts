import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { DatasetError } from '../../src/errors.js';
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

  it.each([
    ['a misspelt optional key at the top (heldoutAUC)', { ...good, heldoutAUC: 0.7 }, '', 'heldoutAUC'],
    ['a misspelt key in fittedOn (prat)', { ...good, fittedOn: { ...good.fittedOn, prat: 'dev' } }, 'fittedOn', 'prat'],
    ['a misspelt key in a coefficient (SE)', { ...good, coefficients: { gapFit: { beta: 1.2, SE: 0.4 } } }, 'coefficients.gapFit', 'SE'],
  ])('rejects %s: unknown keys are errors, not dropped', (_, value, path, key) => {
    const r = LearnedWeightsFile.safeParse(value);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.path.join('.'), 'keys' in i ? i.keys : []])).toEqual([['unrecognized_keys', path, [key]]]);
  });
});

describe('learned-weights.json with an unknown key, in a dataset', () => {
  it('is a DatasetError naming the file and the key, in English and Chinese (the file used to load without the key)', () => {
    const { learnedWeights, ...rest } = liaocheng();
    const input = { ...rest, learnedWeights: { ...learnedWeights!, heldoutAUC: 0.7 } };
    let error: unknown;
    try {
      parseDataset(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const e = error as DatasetError;
    expect(e.code).toBe('DATASET_INVALID');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ code: 'invalid-value', file: 'learned-weights.json', path: [] });
    expect(e.message).toMatch(/learned-weights\.json.*heldoutAUC/);
    expect(e.messageZh).toMatch(/learned-weights\.json.*未知的键.*heldoutAUC/);
    // Without the key the same file loads.
    expect(parseDataset({ ...rest, learnedWeights: learnedWeights! }).learnedWeights).toEqual(learnedWeights);
  });
});
