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
  it('is a DatasetError naming the file, the key and the field it is nearest to, in English and Chinese (before: a warning, the key dropped)', () => {
    const { learnedWeights, ...rest } = liaocheng();
    const input = { ...rest, learnedWeights: { ...learnedWeights!, heldoutAUC: 0.7, fittedOn: { ...learnedWeights!.fittedOn, landd: 3 } } };
    let error: unknown;
    try {
      parseDataset(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const e = error as DatasetError;
    expect(e.code).toBe('DATASET_INVALID');
    expect(e.issues.map((i) => [i.code, i.file, i.field, i.path.join('.'), i.value])).toEqual([
      ['unknown-key', 'learned-weights.json', 'fittedOn.landd', 'fittedOn.landd', 'landd'],
      ['unknown-key', 'learned-weights.json', 'heldoutAUC', 'heldoutAUC', 'heldoutAUC'],
    ]);
    expect(e.issues[1]!.message).toBe('unknown field "heldoutAUC" is not allowed; did you mean "heldoutAuc"?');
    expect(e.issues[0]!.messageZh).toBe('不允许未知字段 "landd"；是否应为 "landed"？');
    expect(e.message).toMatch(/learned-weights\.json.*landd.*did you mean "landed"/);
    expect(e.messageZh).toMatch(/learned-weights\.json.*landd.*是否应为 "landed"/);
    // Without the keys the same file loads.
    expect(parseDataset({ ...rest, learnedWeights: learnedWeights! }).learnedWeights).toEqual(learnedWeights);
  });

  it('a key far from every field gets no guess, and a key inside a coefficient is named with its path', () => {
    const { learnedWeights, ...rest } = liaocheng();
    const input = { ...rest, learnedWeights: { ...learnedWeights!, 备注2: 'x', coefficients: { gapFit: { beta: 1, SE: 0.2 } } } };
    const e = (() => {
      try {
        parseDataset(input);
      } catch (err) {
        return err as DatasetError;
      }
      throw new Error('expected a DatasetError');
    })();
    expect(e.issues.map((i) => [i.field, i.messageZh]).sort()).toEqual([
      ['coefficients.gapFit.SE', '不允许未知字段 "SE"；是否应为 "se"？'],
      ['备注2', '不允许未知字段 "备注2"；请检查拼写或删除'],
    ]);
  });
});
