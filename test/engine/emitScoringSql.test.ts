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
import { cli } from '../cli/capture.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-emit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('emitScoringSql', () => {
  it('the DuckDB text runs over a plain table of companies and gives the in-process scores (1e-9) and order', async () => {
    const lc = liaocheng();
    const jsonl = join(dir, 'c.jsonl');
    writeFileSync(jsonl, lc.companies.map((c) => JSON.stringify(c)).join('\n'));
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      const cols = (await (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${readFileSql(jsonl, 'jsonl')}`)).getRowObjectsJS()) as { column_name: string; column_type: string }[];
      // A platform's table: the canonical columns, no file reader in the emitted text.
      await con.run(`CREATE TABLE registry AS ${sourceSql(cols.map((c) => ({ name: c.column_name, type: c.column_type })), readFileSql(jsonl, 'jsonl'))}`);
      const sql = emitScoringSql(lc, { dialect: 'duckdb', table: 'registry', weights: 'fill-first' });
      const rows = (await (await con.runAndReadAll(`SELECT * FROM (${sql.replace(/^--.*\n/gm, '')}) WHERE set_apart IS NULL ORDER BY score DESC, id`)).getRowObjectsJS()) as Record<string, number | string>[];
      const memory = rankCompanies(lc, { weights: 'fill-first' });
      expect(rows.map((r) => r['id'])).toEqual(memory.items.map((i) => i.id));
      rows.forEach((r, k) => {
        expect(Math.abs((r['score'] as number) - memory.items[k]!.score)).toBeLessThanOrEqual(1e-9);
        for (const f of FEATURE_NAMES) expect(Math.abs((r[f] as number) - memory.items[k]!.features[f])).toBeLessThanOrEqual(1e-9);
      });
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  }, 120_000);

  it('the Spark SQL and Trino texts use none of DuckDB\'s own functions or syntax', () => {
    for (const dialect of ['spark', 'trino'] as const) {
      const sql = emitScoringSql(liaocheng(), { dialect });
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
