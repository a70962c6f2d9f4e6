import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { shandongCities } from '../../bench/cases/duckdbCities.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { rankCitiesWithDuckDb } from '../../src/engine/rankCitiesWithDuckDb.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { Company, Dataset } from '../../src/schema/index.js';

// Each city's unknown-size pool is its own (the many-city `pool` CTE is grouped by `city_no`). The items of
// `rankCitiesWithDuckDb` are re-ranked in process from the pool's quartile, so this reads the scored table itself
// (`scoredOut`), with cities whose pools really differ (from a reviewer's repro, session 8).
const dir = mkdtempSync(join(tmpdir(), 'ct-city-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lc = liaocheng();
const syn = shandongCities().filter((_, i) => i % 5 === 0).slice(0, 3);
// Fewer local enterprises → fewer tie-only firms relevant → a different pool (synthetic bench models, not real data).
const cities: Dataset[] = [
  lc,
  { ...syn[0]!, enterprises: syn[0]!.enterprises.filter((_, i) => i % 2 === 0) },
  { ...syn[1]!, enterprises: syn[1]!.enterprises.filter((_, i) => i % 10 === 0) },
  syn[2]!,
];
const unsized = (c: Company): Company => {
  const { revenue: _r, revenueBand: _b, lists: _l, stockCode: _s, employees: _e, registeredCapital: _k, ...rest } = c;
  return rest as Company;
};
const companies = lc.companies.map((c, i): Company => {
  let x: Company = { ...c, revenue: 0.5 + ((i * 37) % 600) }; // distinct sizes: no plateau at the quartile
  if (i % 3 === 1) {
    // Tie-only (no segment or industry), large: in a city's pool only through a tie to its local firms.
    const { segments: _s, industries: _i, ...rest } = x;
    x = { ...(rest as Company), revenue: 3000 + i };
  }
  if (i % 7 === 0) x = { ...x, local: true };
  if (i % 13 === 5) x = unsized(x);
  return x;
});

describe('many cities in one DuckDB pass: the unknown-size pool', () => {
  it("gives each city's unknown-size rows of the scored table that city's own pool value (= rankCompanies)", async () => {
    const file = join(dir, 'c.jsonl');
    writeFileSync(file, companies.map((c) => JSON.stringify(c)).join('\n'));
    const out = join(dir, 's.parquet');
    await rankCitiesWithDuckDb(cities, file, { top: 10, threads: 1, scoredOut: out });
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const rows = (await (
      await con.runAndReadAll(`SELECT dataset, min("scale") AS lo, max("scale") AS hi FROM read_parquet('${out}') WHERE NOT size_known GROUP BY dataset`)
    ).getRowObjectsJS()) as { dataset: string; lo: number; hi: number }[];
    con.closeSync();
    inst.closeSync();
    const values = cities.map((ds) => rankCompanies(ds, { companies }).items.find((x) => x.reasons.some((q) => q.code === 'scale.unknown'))!.features.scale);
    expect(new Set(values).size).toBeGreaterThan(1); // the cities' pools really differ
    cities.forEach((ds, i) => {
      const r = rows.find((x) => x.dataset === ds.meta.id)!;
      expect(Math.abs(r.lo - values[i]!) + Math.abs(r.hi - values[i]!)).toBeLessThan(1e-12);
    });
  }, 300_000);
});
