// Issue 14: corrections.json is an optional dataset file, validated like the others (file, entry, field).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeParseDataset } from '../../src/dataset/parseDataset.js';
import type { DataIssue } from '../../src/errors.js';
import { loadDataset, safeLoadDataset } from '../../src/io/loadDataset.js';
import { fixtureDir, goodInput } from '../helpers/fixtures.js';

const by = { author: '有色链长办', date: '2026-12', source: '走访' };
const where = (i: DataIssue): string => `${i.code} ${i.file}#${i.index ?? '-'} ${i.id ?? ''} ${i.field ?? ''}`;

describe('corrections.json', () => {
  it('is optional: a dataset without it has no corrections key and loads as before', async () => {
    const ds = await loadDataset(fixtureDir('good'));
    expect('corrections' in ds).toBe(false);
  });

  it('valid entries of every kind load in file order', () => {
    const corrections = [
      { id: 'c1', segment: 'm-ingot', kind: 'present', firms: ['甲铝业'], capacity: { value: 60, unit: '万吨/年' }, benchmarkCapacity: { value: 100, unit: '万吨/年' }, ...by },
      { id: 'c2', segment: 'm-ore', kind: 'verified-absent', ...by },
      { id: 'c3', segment: 'm-profile', kind: 'not-pursued', policy: 'high-energy', rule: '两高项目减量替代', ...by },
      { id: 'c4', segment: 'm-profile', kind: 'priority', priority: 0.2, reason: '无用地', ...by },
    ];
    const r = safeParseDataset({ ...goodInput(), corrections });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.corrections?.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('schema errors name the file, the entry (index and id) and the field', () => {
    const corrections = [
      { id: 'no-author', segment: 'm-ingot', kind: 'verified-absent', date: '2026-12', source: 's' },
      { id: 'no-size', segment: 'm-ingot', kind: 'present', ...by },
      { id: 'cap-alone', segment: 'm-ingot', kind: 'present', capacity: { value: 1, unit: 'GW' }, ...by },
      { id: 'bad-policy', segment: 'm-ingot', kind: 'not-pursued', policy: '不想要', rule: 'r', ...by },
      { id: 'ghost', segment: 'no-such-segment', kind: 'verified-absent', ...by },
      { id: 'ghost', segment: 'm-ore', kind: 'verified-absent', ...by },
      { id: 'units', segment: 'm-ingot', kind: 'present', capacity: { value: 1, unit: 'GW' }, benchmarkCapacity: { value: 2, unit: 'MW' }, ...by },
    ];
    const r = safeParseDataset({ ...goodInput(), corrections });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map(where)).toEqual([
      'invalid-value corrections.json#0 no-author author',
      'invalid-value corrections.json#1 no-size revenue',
      'invalid-value corrections.json#2 cap-alone benchmarkCapacity',
      'invalid-value corrections.json#3 bad-policy policy',
      'invalid-value corrections.json#6 units benchmarkCapacity.unit',
      'duplicate-id corrections.json#5 ghost id',
      'unknown-segment corrections.json#4 ghost segment',
    ]);
    const missing = r.error.issues[0]!;
    expect(missing.messageZh.length).toBeGreaterThan(0);
    expect(r.error.issues[1]!.message).toContain('needs a size');
  });

  it('a misspelt field is a warning naming file, entry and field, with the closest known field', () => {
    const corrections = [{ id: 'typo', segment: 'm-ingot', kind: 'present', capacity: { value: 1, unit: 'GW' }, benchmarkCapacity: { value: 2, unit: 'GW' }, firmz: ['甲'], ...by }];
    const r = safeParseDataset({ ...goodInput(), corrections });
    expect(r.success).toBe(true);
    expect(r.warnings?.map((w) => `${w.code} ${w.file}#${w.index} ${w.id} ${w.field}`)).toEqual(['unknown-field corrections.json#0 typo firmz']);
    expect(r.warnings?.[0]?.message).toContain('firms');
  });

  describe('in a dataset directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-corrections-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('loadDataset reads it beside the other files and reports its errors by file', async () => {
      cpSync(fixtureDir('good'), dir, { recursive: true });
      writeFileSync(join(dir, 'corrections.json'), JSON.stringify([{ id: 'ok', segment: 'm-ingot', kind: 'priority', priority: 0.3, reason: '规划', ...by }]));
      expect((await loadDataset(dir)).corrections).toHaveLength(1);
      writeFileSync(join(dir, 'corrections.json'), JSON.stringify([{ id: 'bad', segment: 'm-ingot', kind: 'priority', priority: 3, reason: '规划', ...by }]));
      const r = await safeLoadDataset(dir);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map(where)).toEqual(['invalid-value corrections.json#0 bad priority']);
    });
  });

  it('the 聊城 corrections load and name real segments', async () => {
    const ds = await loadDataset(join(import.meta.dirname, '..', '..', 'data', 'liaocheng'));
    const ids = new Set(ds.segments.map((s) => s.id));
    expect(ds.corrections!.length).toBeGreaterThanOrEqual(12);
    for (const c of ds.corrections!) {
      expect(ids.has(c.segment)).toBe(true);
      expect(c.source.length).toBeGreaterThan(5);
    }
  });
});
