import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { land } from '../../src/whatif/land.js';
import { setPriority } from '../../src/whatif/setPriority.js';
import type { ScenarioDiff, VisitPlan } from '../../src/whatif/types.js';
import { WHATIF_FIXTURE_DIR } from './fixture.js';
import { cli } from '../cli/capture.js';


const data = ['--data', WHATIF_FIXTURE_DIR];

describe('chain-targeting whatif', () => {
  test('without a scenario or a shortcut it is a usage error (exit 2)', async () => {
    expect((await cli(['whatif', ...data])).code).toBe(2);
  });

  test('an unknown segment in --land is a usage error naming the option (exit 2)', async () => {
    const r = await cli(['whatif', ...data, '--land', 'sheet-co@nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误 \[USAGE\]: --land：没有环节“nowhere”。[^\n]*\n$/);
  });

  test('--land by company name prints the diff as JSON', async () => {
    const r = await cli(['whatif', ...data, '--format', 'json', '--land', '上海板材股份有限公司@sheet@甲县']);
    expect(r.code).toBe(0);
    const { scenario, diff } = JSON.parse(r.stdout) as { scenario: { changes: unknown[] }; diff: ScenarioDiff };
    expect(scenario.changes).toEqual([{ type: 'land', company: 'sheet-co', segments: ['sheet'], county: '甲县' }]);
    expect(diff.segments[0]).toMatchObject({ id: 'sheet', from: 'fill', to: 'none' });
    expect(diff.city.completenessDelta).toBeCloseTo(0.1984, 4);
  });

  test('a scenario file plus shortcuts, as a Chinese table and as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whatif-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ name: '板材落地', changes: [land('sheet-co')] }));
    const table = await cli(['whatif', ...data, '--scenario', file, '--priority', 'energy=1', '--close', 'parts-co', '--weights', 'fill-first']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('板材落地');
    expect(table.stdout).toContain('补链 → 无缺口');
    const csv = await cli(['whatif', ...data, '--format', 'csv', '--scenario', file]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFF类别,id,名称,之前,之后,变化(优先级/完整度/得分),变化(存在度/本地配套率/名次),说明');
    expect(csv.stdout).toMatch(/^环节,sheet,板材,补链,无缺口,/m);
    const en = await cli(['whatif', ...data, '--format', 'csv', '--scenario', file, '--lang', 'en']);
    expect(en.stdout).toMatch(/^segment,sheet,Sheet,fill,none,/m);
  });

  test('a bad --priority value is a usage error', async () => {
    expect((await cli(['whatif', ...data, '--priority', 'energy=2'])).code).toBe(2);
    expect(JSON.stringify(setPriority({ industry: 'energy' }, 1))).toContain('set-priority');
  });
});

describe('chain-targeting plan', () => {
  test('prints an itinerary (table) and the plan (JSON)', async () => {
    const t = await cli(['plan', ...data, '--companies', '4', '--days', '2']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('第1天');
    expect(t.stdout).toContain('Nemhauser');
    const j = await cli(['plan', ...data, '--companies', '4', '--days', '2', '--cities-per-day', '1', '--format', 'json']);
    const plan = JSON.parse(j.stdout) as VisitPlan;
    expect(plan.chosen.length).toBeLessThanOrEqual(4);
    expect(plan.itinerary.length).toBeLessThanOrEqual(2);
    expect(plan.itinerary.every((d) => d.stops.length <= 1)).toBe(true);
  });

  test('an unknown --industry or a bad number is a usage error', async () => {
    expect((await cli(['plan', ...data, '--industry', 'nothing'])).code).toBe(2);
    expect((await cli(['plan', ...data, '--top', 'many'])).code).toBe(2);
  });

  test('--scenario plans under a what-if: a landed company is not visited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ changes: [land('cellpack-co')] }));
    const plain = JSON.parse((await cli(['plan', ...data, '--companies', '3', '--days', '3', '--format', 'json'])).stdout) as VisitPlan;
    expect(plain.chosen.map((c) => c.id)).toContain('cellpack-co');
    const r = await cli(['plan', ...data, '--companies', '3', '--days', '3', '--format', 'json', '--scenario', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as VisitPlan).chosen.map((c) => c.id)).not.toContain('cellpack-co');
  });

  test('CSV lists one row per visit', async () => {
    const r = await cli(['plan', ...data, '--companies', '3', '--days', '3', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\r\n')).toHaveLength(4);
  });
});
