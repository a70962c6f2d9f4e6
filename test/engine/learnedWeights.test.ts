import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { rankWithDuckDb } from '../../src/engine/rankWithDuckDb.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { cli } from '../cli/capture.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-learned-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("weights 'learned' through DuckDB", () => {
  it('scores as the memory engine does with the dataset\'s learned weights (library and `rank --engine duckdb --weights learned`)', async () => {
    const lc = liaocheng();
    const file = join(dir, 'companies.jsonl');
    writeFileSync(file, lc.companies.map((c) => JSON.stringify(c)).join('\n'));
    const duck = await rankWithDuckDb(lc, file, { weights: 'learned', top: 20, threads: 1, memoryLimit: '256MB' });
    const memory = rankCompanies(lc, { weights: 'learned', top: 20, companies: lc.companies });
    expect(duck.weightSource).toBe('learned');
    expect(duck.weights).toEqual(memory.weights);
    expect(duck.items.map((i) => i.id)).toEqual(memory.items.map((i) => i.id));
    const viaCli = await cli(['rank', '--companies', file, '--engine', 'duckdb', '--weights', '学习权重', '--top', '20', '--format', 'json']);
    const inMemory = await cli(['rank', '--companies', file, '--engine', 'memory', '--weights', 'learned', '--top', '20', '--format', 'json']);
    expect(viaCli.code).toBe(0);
    expect(JSON.parse(viaCli.stdout)).toEqual(JSON.parse(inMemory.stdout));
    expect(JSON.parse(viaCli.stdout).weightSource).toBe('learned');
  }, 120_000);
});
