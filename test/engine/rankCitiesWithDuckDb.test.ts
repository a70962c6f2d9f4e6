import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shandongCities, writeDatasetDirs } from '../../bench/cases/duckdbCities.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { rankCitiesWithDuckDb } from '../../src/engine/rankCitiesWithDuckDb.js';
import { rankWithDuckDb } from '../../src/engine/rankWithDuckDb.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { Company } from '../../src/schema/index.js';
import { cli } from '../cli/capture.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-cities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeJsonl(name: string, companies: readonly Company[]): string {
  const path = join(dir, name);
  writeFileSync(path, companies.map((c) => JSON.stringify(c)).join('\n'));
  return path;
}

const lc = liaocheng();
// 聊城 itself and three synthetic Shandong models (home moved, local presence varied: bench inputs, not real data).
const cities = [lc, ...shandongCities().filter((_, i) => i % 5 === 0).slice(0, 3)];

describe('many cities in one DuckDB pass', () => {
  it('gives each city the ranking it gets alone: items, scores, reasons, tie-break, counts set apart', async () => {
    // Some companies moved to other HQs, some made local or off-chain, so every city sets some apart and proximity differs.
    // Some lose every size field (revenue, band, lists, listing, staff, capital): each city's pool of candidates gives
    // them its own unknown-size scale (the lower quartile of that city's known-size candidates).
    const unsized = (c: Company): Company => {
      const { revenue: _r, revenueBand: _b, lists: _l, stockCode: _s, employees: _e, registeredCapital: _k, ...rest } = c;
      return rest as Company;
    };
    const companies = lc.companies.map((c, i): Company =>
      i % 7 === 0 ? { ...c, local: true } : i % 11 === 0 ? { ...c, placement: { status: 'off-chain', score: 0, evidence: [] } } : i % 13 === 5 ? unsized(c) : c,
    );
    const file = writeJsonl('cities.jsonl', companies);
    for (const opts of [{ top: 40 }, { top: 15, includeLocal: true, weights: 'fill-first' as const }, { top: 80, industry: lc.industries[0]!.id }]) {
      const many = await rankCitiesWithDuckDb(cities, file, { ...opts, threads: 1, memoryLimit: '512MB' });
      expect(many.cities.map((c) => c.dataset.id)).toEqual(cities.map((c) => c.meta.id));
      expect(new Set(many.cities.map((c) => JSON.stringify(c.ranking.items.slice(0, 5).map((i) => i.score)))).size).toBeGreaterThan(1);
      for (const [i, ds] of cities.entries()) {
        const alone = await rankWithDuckDb(ds, file, { ...opts, threads: 1, memoryLimit: '512MB' });
        const got = many.cities[i]!.ranking;
        expect(got.items).toEqual(alone.items);
        expect(got.candidates).toBe(alone.candidates);
        expect(got.excluded).toEqual(alone.excluded);
      }
      // And the same as in process for one synthetic city (the DuckDB engine is tested against it in rankWithDuckDb.test.ts).
      const memory = rankCompanies(cities[2]!, { ...opts, companies });
      expect(many.cities[2]!.ranking.items.map((x) => [x.id, x.score])).toEqual(memory.items.map((x) => [x.id, x.score]));
      expect(many.cities[2]!.ranking.excluded).toEqual(memory.excluded);
      // Each city's firms of unknown size score its own pool's value, the one its unfiltered ranking gives them: an
      // industry filter (or includeLocal) lists other firms but measures against the same pool.
      for (const [i, ds] of cities.entries()) {
        const whole = rankCompanies(ds, { companies });
        const value = whole.items.find((x) => x.reasons.some((r) => r.code === 'scale.unknown'))!.features.scale;
        const unsizedItems = many.cities[i]!.ranking.items.filter((x) => x.reasons.some((r) => r.code === 'scale.unknown'));
        if ('industry' in opts) expect(unsizedItems.length).toBeGreaterThan(0);
        for (const x of unsizedItems) expect(x.features.scale).toBe(value);
      }
    }
  }, 180_000);

  it('rank --datasets DIR1,DIR2 equals ranking each directory alone (the synthetic models validate as datasets)', async () => {
    const dirs = writeDatasetDirs(cities.slice(1, 3), join(dir, 'models'));
    for (const d of dirs) await expect(loadDataset(d)).resolves.toBeDefined();
    const file = writeJsonl('cli.jsonl', lc.companies);
    const many = await cli(['rank', '--datasets', dirs.join('，'), '--companies', file, '--engine', 'DuckDB', '--top', '12', '--format', 'json']);
    expect(many.code).toBe(0);
    const out = JSON.parse(many.stdout) as { cities: { dataset: { id: string }; ranking: unknown }[] };
    expect(out.cities.map((c) => c.dataset.id)).toEqual(cities.slice(1, 3).map((c) => c.meta.id));
    for (const [i, d] of dirs.entries()) {
      const alone = await cli(['--data', d, 'rank', '--companies', file, '--engine', 'duckdb', '--top', '12', '--format', 'json']);
      expect(alone.code).toBe(0);
      expect(out.cities[i]!.ranking).toEqual(JSON.parse(alone.stdout));
    }
    const table = await cli(['rank', '--datasets', dirs.join(','), '--companies', file, '--top', '3']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('合成基准模型');
  }, 180_000);

  it('refuses --datasets with the memory engine', async () => {
    const file = writeJsonl('small.jsonl', lc.companies.slice(0, 5));
    const r = await cli(['rank', '--datasets', 'a,b', '--companies', file, '--engine', '内存']);
    expect(r.code).toBe(2);
  }, 60_000);
});
