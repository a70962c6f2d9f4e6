import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { emitScoringSql } from '../../src/engine/emitScoringSql.js';
import { readFileSql, sourceSql } from '../../src/engine/sourceSql.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { FEATURE_NAMES } from '../../src/scoring/types.js';
import type { Company } from '../../src/schema/index.js';
import { cli } from '../cli/capture.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-emit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('emitScoringSql', () => {
  it('the DuckDB text runs over a plain table of companies and gives the in-process scores (1e-9) and order, with and without an industry filter', async () => {
    const lc = liaocheng();
    // Every ninth company loses every size field: its scale is the city pool's quartile, filter or not.
    const unsized = (c: Company): Company => {
      const { revenue: _r, revenueBand: _b, lists: _l, stockCode: _s, employees: _e, registeredCapital: _k, ...rest } = c;
      return rest as Company;
    };
    const companies = lc.companies.map((c, i) => (i % 9 === 4 ? unsized(c) : c));
    const jsonl = join(dir, 'c.jsonl');
    writeFileSync(jsonl, companies.map((c) => JSON.stringify(c)).join('\n'));
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      const cols = (await (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${readFileSql(jsonl, 'jsonl')}`)).getRowObjectsJS()) as { column_name: string; column_type: string }[];
      // A platform's table: the canonical columns, no file reader in the emitted text.
      await con.run(`CREATE TABLE registry AS ${sourceSql(cols.map((c) => ({ name: c.column_name, type: c.column_type })), readFileSql(jsonl, 'jsonl'))}`);
      const unknownValues: number[] = [];
      for (const industry of [undefined, ...lc.industries.slice(0, 3).map((x) => x.id)]) {
        const opts = { weights: 'fill-first' as const, ...(industry !== undefined ? { industry } : {}) };
        const sql = emitScoringSql(lc, { dialect: 'duckdb', table: 'registry', ...opts });
        const rows = (await (await con.runAndReadAll(`SELECT * FROM (${sql.replace(/^--.*\n/gm, '')}) WHERE set_apart IS NULL ORDER BY score DESC, id`)).getRowObjectsJS()) as Record<string, number | string | boolean>[];
        const memory = rankCompanies(lc, { ...opts, companies });
        expect(rows.map((r) => r['id'])).toEqual(memory.items.map((i) => i.id));
        rows.forEach((r, k) => {
          expect(Math.abs((r['score'] as number) - memory.items[k]!.score)).toBeLessThanOrEqual(1e-9);
          for (const f of FEATURE_NAMES) expect(Math.abs((r[f] as number) - memory.items[k]!.features[f])).toBeLessThanOrEqual(1e-9);
          if (r['size_known'] === false) unknownValues.push(r['scale'] as number);
        });
      }
      // One unknown-size value across the city's ranking and the three industries' (to the ulps of DuckDB's log10).
      expect(unknownValues.length).toBeGreaterThan(0);
      expect(Math.max(...unknownValues) - Math.min(...unknownValues)).toBeLessThanOrEqual(1e-15);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  }, 120_000);

  it('the Spark SQL and Trino texts use none of DuckDB\'s own functions or syntax (the industry filter\'s city-pool lookups included)', () => {
    for (const [dialect, industry] of [['spark', undefined], ['trino', undefined], ['spark', 'nonferrous'], ['trino', 'nonferrous']] as const) {
      const sql = emitScoringSql(liaocheng(), { dialect, ...(industry !== undefined ? { industry } : {}) });
      // With a filter the pool is the city's: its whole-chain lookups are there, in the dialect's own unnest.
      expect(sql.includes('c_cseg AS (')).toBe(industry !== undefined);
      if (industry !== undefined) expect(sql).toMatch(dialect === 'spark' ? /c_ctie AS \(SELECT DISTINCT u\.id FROM \(SELECT x\.id, u\.e FROM .* LATERAL VIEW explode\(/ : /c_ctie AS \(SELECT DISTINCT u\.id FROM \(SELECT x\.id, u\.e FROM .* CROSS JOIN UNNEST\(/);
      for (const duckOnly of [/\blist_[a-z]+\(/, /\bunnest\(/, /max\([^()]*, 2\)/, /\bmake_date\(/, /\bdate_diff\(/, /::/, /->>/, /\bQUALIFY\b/i, /\blen\(/, /\bquantile_/]) expect(sql).not.toMatch(duckOnly);
      expect(sql).toMatch(dialect === 'spark' ? /LATERAL VIEW explode\(/ : /CROSS JOIN UNNEST\(/);
      // The unknown-size scale: the exact discrete lower quartile (sorted list, element at ⌈0.25·n⌉), never a sketch.
      expect(sql).toMatch(dialect === 'spark' ? /element_at\(array_sort\(collect_list\(/ : /element_at\(array_sort\(array_agg\(.*\) FILTER \(WHERE/);
      expect(sql).not.toMatch(/approx_percentile|percentile_approx/);
      expect(sql).toMatch(dialect === 'spark' ? /size\(c\.lists\) = 0/ : /cardinality\(c\.lists\) = 0/);
    }
  });

  it('rank --emit-sql writes the query and ranks nothing', async () => {
    const out = join(dir, 'score.sql');
    const r = await cli(['rank', '--emit-sql', out, '--dialect', 'trino']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^-- chain-targeting scoring query .* dialect trino/);
  }, 60_000);
});
