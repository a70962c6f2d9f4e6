import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { Dataset, LearnedWeightsFile } from '../../src/schema/index.js';
import { POSITIVE_FEATURES } from '../../src/scoring/types.js';
import { cli } from '../cli/capture.js';

const file = (weights: LearnedWeightsFile['weights']): LearnedWeightsFile => ({
  weights,
  fittedOn: { landed: 13, negatives: 300, cities: ['聊城市'], datasets: ['liaocheng'], part: 'dev' },
  lambda: 1,
  cvAuc: 0.6,
  date: '2026-12-04',
  command: 'test',
  note: '只有 13 个落地',
  confidence: 'low',
});

function withLearned(learned: LearnedWeightsFile | undefined): Dataset {
  const { learnedWeights: _, ...rest } = liaocheng();
  return learned === undefined ? rest : { ...rest, learnedWeights: learned };
}

describe("weights 'learned' (the dataset's learned-weights.json)", () => {
  it('uses exactly the file\'s weights (normalised like custom weights): contributions follow them, the source is learned', () => {
    const ds = withLearned(file({ gapFit: 3, synergy: 1, risk: 0.2 }));
    const r = rankCompanies(ds, { weights: 'learned', top: 30 });
    expect(r.weightSource).toBe('learned');
    expect(r.preset).toBeUndefined();
    expect(r.weights).toEqual({ gapFit: 0.75, synergy: 0.25, scale: 0, momentum: 0, proximity: 0, policy: 0, ties: 0, risk: 0.2 });
    for (const item of r.items) {
      for (const f of ['scale', 'momentum', 'proximity', 'policy', 'ties'] as const) expect(item.contributions[f]).toBe(0);
      expect(item.contributions.gapFit + item.contributions.synergy).toBeGreaterThan(0);
    }
    // The same numbers as custom weights rank the same way, with the same contributions.
    const custom = rankCompanies(ds, { weights: { gapFit: 3, synergy: 1, risk: 0.2 }, top: 30 });
    expect(r.items.map((i) => [i.id, i.score, i.contributions])).toEqual(custom.items.map((i) => [i.id, i.score, i.contributions]));
    // Other weights give another ranking (the test can fail).
    expect(rankCompanies(ds, { weights: 'balanced', top: 30 }).items.map((i) => i.id)).not.toEqual(r.items.map((i) => i.id));
  });

  it('ranks the embedded 聊城 data by its shipped learned-weights.json, never by default', () => {
    const lc = liaocheng();
    expect(lc.learnedWeights).toBeDefined();
    const r = rankCompanies(lc, { weights: 'learned', top: 5 });
    const raw = lc.learnedWeights!.weights;
    const total = POSITIVE_FEATURES.reduce((s, f) => s + (raw[f] ?? 0), 0);
    for (const f of POSITIVE_FEATURES) expect(r.weights[f]).toBeCloseTo((raw[f] ?? 0) / total, 12);
    expect(rankCompanies(lc, { top: 5 }).weightSource).toBe('preset');
  });

  it('is a bilingual usage error naming the command that makes them when the dataset has none', () => {
    const ds = withLearned(undefined);
    let error: unknown;
    try {
      rankCompanies(ds, { weights: 'learned' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ code: 'OPTIONS_INVALID' });
    expect((error as UsageError).message).toContain('--write-learned');
    expect((error as UsageError).messageZh).toContain('没有 learned-weights.json');
  });

  it('reads learned-weights.json through parseDataset; a bad one is an issue of that file', () => {
    const { learnedWeights: _, ...lc } = liaocheng();
    const input = { ...lc, meta: lc.meta, corrections: lc.corrections };
    expect(() => parseDataset({ ...input, learnedWeights: { ...file({ gapFit: 1 }), lambda: -1 } })).toThrow(/learned-weights\.json/);
    expect(parseDataset({ ...input, learnedWeights: file({ gapFit: 1 }) }).learnedWeights?.weights).toEqual({ gapFit: 1 });
  });
});

describe('rank --weights learned (CLI)', () => {
  it('ranks by the learned weights under its English and Chinese names, says so and shows the note', async () => {
    const en = await cli(['rank', '--weights', 'learned', '--top', '3', '--format', 'json']);
    const zh = await cli(['rank', '--weights', '学习权重', '--top', '3', '--format', 'json']);
    expect(en.code).toBe(0);
    expect(JSON.parse(en.stdout)).toEqual(JSON.parse(zh.stdout));
    expect(JSON.parse(en.stdout).weightSource).toBe('learned');
    const table = await cli(['rank', '--weights', '学习权重', '--top', '3']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('权重方案 学习权重（learned）');
    expect(table.stdout).toContain('学习权重的依据');
    expect(table.stdout).toContain(liaocheng().learnedWeights!.note.split(' / ')[0]);
    const english = await cli(['--lang', 'en', 'rank', '--weights', 'learned', '--top', '3']);
    expect(english.stdout).toContain('weights learned');
    expect(english.stdout).toContain(liaocheng().learnedWeights!.note.split(' / ')[1]);
  });

  it('is a usage error, in both languages, for a dataset without learned weights', async () => {
    const r = await cli(['--data', 'test/fixtures/datasets/good', 'rank', '--weights', 'learned']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('learned-weights.json');
    const en = await cli(['--data', 'test/fixtures/datasets/good', '--lang', 'en', 'rank', '--weights', 'learned']);
    expect(en.stderr).toContain('--write-learned');
  });
});

describe('rank --weights FILE with a learned-weights.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ct-learned-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const shipped = JSON.parse(readFileSync('data/liaocheng/learned-weights.json', 'utf8')) as Record<string, unknown>;

  it('ranks by the file\'s weights as --weights learned does', async () => {
    const path = join(dir, 'learned-weights.json');
    writeFileSync(path, JSON.stringify(shipped));
    const byFile = await cli(['rank', '--weights', path, '--top', '3', '--format', 'json']);
    const byName = await cli(['rank', '--weights', 'learned', '--top', '3', '--format', 'json']);
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.stdout).items).toEqual(JSON.parse(byName.stdout).items);
  });

  it('refuses a misspelt key, naming the file and the key in both languages (it was dropped without a word)', async () => {
    const path = join(dir, 'typo.json');
    writeFileSync(path, JSON.stringify({ ...shipped, heldoutAUC: 0.7 }));
    const zh = await cli(['rank', '--weights', path, '--top', '3']);
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toContain('typo.json');
    expect(zh.stderr).toMatch(/--weights：文件 .*typo\.json 不是有效的学习权重文件（1 个问题）.*不允许未知字段 "heldoutAUC"；是否应为 "heldoutAuc"/);
    expect(zh.stderr).not.toContain('数据集');
    const en = await cli(['--lang', 'en', 'rank', '--weights', path, '--top', '3']);
    expect(en.code).not.toBe(0);
    expect(en.stderr).toMatch(/--weights: .*typo\.json is not a valid learned-weights file \(1 problem\).*unknown field "heldoutAUC".*did you mean "heldoutAuc"/);
  });

  it('names a misspelt feature of a custom weights file with the nearest one, in Chinese (it was an English options error)', async () => {
    const path = join(dir, 'custom.json');
    writeFileSync(path, JSON.stringify({ gapfit: 0.5, scale: 0.2 }));
    const zh = await cli(['rank', '--weights', path, '--top', '3']);
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toMatch(/--weights：文件 .*custom\.json 不是有效的自定义权重（1 个问题）.*不允许未知字段 "gapfit"；是否应为 "gapFit"/);
    expect(zh.stderr).not.toMatch(/Unrecognized/);
    const en = await cli(['--lang', 'en', 'rank', '--weights', path, '--top', '3']);
    expect(en.stderr).toMatch(/is not valid custom weights \(1 problem\).*did you mean "gapFit"/);
    // The same weights spelt right rank.
    writeFileSync(path, JSON.stringify({ gapFit: 0.5, scale: 0.2 }));
    expect((await cli(['rank', '--weights', path, '--top', '3'])).code).toBe(0);
  });

  it('says custom weights go at the top level when they are wrapped in "weights" without provenance', async () => {
    const path = join(dir, 'wrapped.json');
    writeFileSync(path, JSON.stringify({ weights: { gapFit: 0.5 } }));
    const zh = await cli(['rank', '--weights', path, '--top', '3']);
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toContain('自定义权重直接写在顶层');
  });

  it('reads a file with a misspelt fittedOn as a learned-weights file and names the key (it fell through to custom weights, in English only)', async () => {
    const path = join(dir, 'fited.json');
    const { fittedOn, ...rest } = shipped;
    writeFileSync(path, JSON.stringify({ ...rest, fitedOn: fittedOn }));
    const zh = await cli(['rank', '--weights', path, '--top', '3']);
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toMatch(/fited\.json 不是有效的学习权重文件（2 个问题）/);
    expect(zh.stderr).toMatch(/不允许未知字段 "fitedOn"；是否应为 "fittedOn"/);
    expect(zh.stderr).not.toMatch(/Unrecognized/);
  });
});
